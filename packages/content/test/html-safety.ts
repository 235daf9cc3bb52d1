import { isSafeUrl } from '@ai-engineer/content'
import type { Element, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'

/** Elements that run or load something, or change what the page's URLs mean. */
const dangerous = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'form',
  'svg',
  'math',
])
/** Attributes whose value is a URL (hast property names). */
const urlProperties = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'poster',
  'cite',
  'background',
  'xLinkHref',
  'data',
  'srcSet',
])

/**
 * What is unsafe in `html`, as a list of findings (empty when safe): a raw
 * `<script`, a dangerous element, an `on*` attribute, a URL attribute that
 * is `javascript:`, `vbscript:` or anything but http(s), mailto or relative.
 * The HTML is parsed, so text and titles that merely mention these are fine.
 */
export function unsafeHtml(html: string): string[] {
  const findings: string[] = []
  if (/<script/i.test(markup(html))) findings.push('raw `<script`')
  const stack: (Root | RootContent)[] = [fromHtml(html, { fragment: true })]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element') findings.push(...unsafeElement(node))
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return findings
}

/**
 * `html` without its attribute values, which may hold any text (`alt="<script>"` is
 * harmless). The HTML is our serializer's: every value is double-quoted.
 */
function markup(html: string): string {
  let result = ''
  let inTag = false
  let inValue = false
  for (const char of html) {
    if (inValue) {
      if (char === '"') inValue = false
      continue
    }
    if (inTag && char === '"') inValue = true
    else if (char === '<') inTag = true
    else if (char === '>') inTag = false
    result += char
  }
  return result
}

function unsafeElement(element: Element): string[] {
  const findings: string[] = []
  if (dangerous.has(element.tagName)) findings.push(`<${element.tagName}> element`)
  for (const [name, value] of Object.entries(element.properties)) {
    const text = Array.isArray(value) ? value.join(' ') : String(value)
    if (/^on/i.test(name)) findings.push(`${name} attribute on <${element.tagName}>`)
    if (!urlProperties.has(name)) continue
    // Browsers drop tabs and newlines in URLs and trim controls and spaces around them.
    // eslint-disable-next-line no-control-regex
    const url = text.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
    if (!isSafeUrl(text) || /^(?:java|vb)script:/i.test(url)) {
      findings.push(`unsafe ${name}="${text}" on <${element.tagName}>`)
    }
  }
  return findings
}
