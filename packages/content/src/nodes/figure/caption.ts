/**
 * A figure's caption and the attributes its elements may carry: what the
 * figure plugin reads from the HTML of a `<figcaption>`.
 */
import type { Element, ElementContent } from 'hast'
import { toMdast } from 'hast-util-to-mdast'
import type { PhrasingContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { report } from '../../report/index.js'
import type { Figure } from '../../types.js'
import { attributeNames, isElement, significant } from '../html-fragment.js'

/** Elements a caption may hold besides text; they become mdast phrasing. */
const captionElements = new Set(['a', 'em', 'i', 'strong', 'b', 'code', 'br', 'del', 's'])
/** Presentational attributes that are dropped with a warning. */
const droppedAttributes = new Set([
  'width',
  'height',
  'title',
  'class',
  'style',
  'align',
  'loading',
  'decoding',
])
/** The caption's phrasing and its source link; `captionOk` is false when it was reported. */
export function readCaption(
  caption: Element,
  file: VFile,
): { children: PhrasingContent[]; source: Figure['source']; captionOk: boolean } {
  let captionOk = checkAttributes(caption, [], file)
  const parts = [...caption.children]
  // The source is a link at the very end of the caption.
  const last = significant(parts).at(-1)
  let source: Figure['source']
  if (isElement(last, 'a')) {
    const href = typeof last.properties.href === 'string' ? last.properties.href.trim() : ''
    const label = toString(toMdast(last)).trim()
    if (href !== '' && label !== '') {
      captionOk = checkAttributes(last, ['href'], file) && captionOk
      source = { url: href, label }
      parts.splice(parts.indexOf(last), 1)
    }
  }
  visitElements(parts, (element) => {
    if (!captionElements.has(element.tagName)) {
      report(
        file,
        `Unexpected ${describe(element)} in a \`<figcaption>\`: a caption holds text, links, \`<em>\`, \`<strong>\` and \`<code>\``,
        element.position,
        'figure-caption',
      )
      captionOk = false
    } else {
      captionOk =
        checkAttributes(element, element.tagName === 'a' ? ['href'] : [], file) && captionOk
    }
  })
  const mdast = toMdast({ type: 'root', children: parts })
  const flat: PhrasingContent[] = []
  for (const child of 'children' in mdast ? mdast.children : []) {
    if (child.type === 'paragraph') flat.push(...child.children)
    else flat.push(child as PhrasingContent)
  }
  trimEnd(flat)
  return { children: flat, source, captionOk }
}

function visitElements(nodes: ElementContent[], callback: (element: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    callback(node)
    visitElements(node.children, callback)
  }
}

/** Drop trailing whitespace that stood before the source link. */
function trimEnd(children: PhrasingContent[]): void {
  const last = children.at(-1)
  if (last?.type !== 'text') return
  last.value = last.value.trimEnd()
  if (last.value === '') children.pop()
}

/** Report attributes of `element` that are not `allowed` (presentational ones with a warning). */
export function checkAttributes(element: Element, allowed: string[], file: VFile): boolean {
  let ok = true
  for (const name of attributeNames(element)) {
    if (allowed.includes(name)) continue
    if (droppedAttributes.has(name)) {
      report(
        file,
        `Attribute \`${name}\` on \`<${element.tagName}>\` is dropped: style figures with CSS`,
        element.position,
        'attribute-dropped',
      )
      continue
    }
    report(
      file,
      `Attribute \`${name}\` is not allowed on \`<${element.tagName}>\` in a figure; allowed: ${allowed.map((a) => `\`${a}\``).join(', ') || 'none'}`,
      element.position,
      'figure-attribute',
    )
    ok = false
  }
  return ok
}

/** A node, as a message names it. */
export function describe(node: ElementContent): string {
  if (node.type === 'element') return `\`<${node.tagName}>\``
  if (node.type === 'text') return `text \`${node.value.trim().slice(0, 20)}\``
  return node.type
}
