import type { Html, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { Plugin } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { hasNode } from '../runtime/index.js'
import type { VFile } from 'vfile'
import { report } from '../report/index.js'
import { htmlToMdast, unknownHtml } from './raw-html.js'

/** Options of {@link remarkGuideHtml}: none yet. */
export interface HtmlOptions {}

const hr = /^<hr\s*\/?>$/i
const br = /^<br\s*\/?>$/i
const comment = /^<!--(?:(?!-->)[\s\S])*-->$/
/** A block that opens a `<div>` or `<details>` whose body is markdown, closed further down. */
const wrapper = /^<(div|details)\b/i
/** An inline element with a markdown equivalent, opened here and closed by a later sibling. */
const pairStart = /^<(a|strong|b|em|i|del|s)\b[^>]*>$/i
const imageTag = /^<img\b[^>]*>$/i

/**
 * Give every raw HTML node that is left a meaning, or an error. A block `<hr>` becomes
 * a thematic break (which `remarkGuideSections` turns into structure), an inline
 * `<br>` a break, an HTML comment is dropped. HTML with a markdown equivalent becomes
 * that markdown, through rehype-sanitize and hast-util-to-mdast: a `<table>`, a
 * `<div>` around HTML or markdown (unwrapped), `<a href>…</a>`, a lone `<img>`, and
 * `<details><summary>` (a collapsible admonition). Anything else is an error at its
 * position. Run it after `remarkGuideFigure`: after it, no `html` node is left.
 */
const remarkGuideHtml: Plugin<[(Readonly<HtmlOptions> | null | undefined)?], Root> = function () {
  return function (tree, file) {
    if (!hasNode(tree, ['html'])) return
    visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return
      const value = node.value.trim()
      const block = parent.type !== 'paragraph' && !isPhrasingParent(parent)
      const siblings = parent.children as RootContent[]
      if (comment.test(value)) {
        siblings.splice(index, 1)
        return [SKIP, index]
      }
      if (block && hr.test(value)) {
        siblings.splice(index, 1, { type: 'thematicBreak', position: node.position })
        return SKIP
      }
      if (!block && br.test(value)) {
        siblings.splice(index, 1, { type: 'break', position: node.position })
        return SKIP
      }
      const tag = /^<(\/?[a-z][a-z\d-]*)/i.exec(value)?.[1]?.toLowerCase()
      if (tag === 'hr' || tag === 'br') {
        const what = `\`<${tag}>\``
        report(
          file,
          `${what} takes no attributes and stands ${tag === 'hr' ? 'on a line of its own' : 'inside a paragraph'}: write a bare ${what}`,
          node.position,
          'html-unknown',
        )
      } else if (block && wrapper.test(value) && opens(value, tag!)) {
        const replaced = unwrap(siblings, index, tag!, file)
        if (replaced) return index
      } else if (!block && pairStart.test(value)) {
        const replaced = inlinePair(siblings, index, tag!, file)
        if (replaced) return index
      } else if (tag !== undefined && !tag.startsWith('/') && (block || imageTag.test(value))) {
        const converted = htmlToMdast(node, file, block)
        if (converted) {
          siblings.splice(index, 1, ...converted)
          return index
        }
      } else {
        report(
          file,
          unknownHtml(tag ? `\`<${tag}>\`` : `\`${value.slice(0, 30)}\``),
          node.position,
          'html-unknown',
        )
      }
      siblings.splice(index, 1)
      return [SKIP, index]
    })
  }
}

export default remarkGuideHtml

/** Whether `html` opens more `<tag>` elements than it closes. */
function opens(html: string, tag: string): boolean {
  const count = (pattern: RegExp): number => html.match(pattern)?.length ?? 0
  return count(new RegExp(`<${tag}\\b`, 'gi')) > count(new RegExp(`</${tag}\\s*>`, 'gi'))
}

/** The index of the sibling after `index` that closes `tag` (`</div>` alone), if any. */
function closer(siblings: RootContent[], index: number, tag: string): number | undefined {
  let depth = 1
  for (let at = index + 1; at < siblings.length; at++) {
    const sibling = siblings[at]!
    if (sibling.type !== 'html') continue
    const value = sibling.value.trim()
    if (new RegExp(`^</${tag}\\s*>$`, 'i').test(value)) depth--
    else if (new RegExp(`^<${tag}\\b`, 'i').test(value) && opens(value, tag)) depth++
    if (depth === 0) return at
  }
  return undefined
}

/**
 * A `<div>` or `<details>` opened by the html node at `index` and closed by a later
 * sibling, with markdown between: the `<div>` is unwrapped; `<details>` becomes an
 * admonition holding that markdown. False, with the problem reported, otherwise.
 */
function unwrap(siblings: RootContent[], index: number, tag: string, file: VFile): boolean {
  const opener = siblings[index] as Html
  const end = closer(siblings, index, tag)
  if (end === undefined) {
    report(
      file,
      `The \`<${tag}>\` is not closed: end it with \`</${tag}>\` on a line of its own`,
      opener.position,
      'html-unknown',
    )
    return false
  }
  const converted = htmlToMdast(opener, file, true)
  if (!converted) return false
  const inner = siblings.slice(index + 1, end)
  const last = siblings[end]!.position?.end
  if (tag === 'details') {
    const admonition = converted.find((node) => node.type === 'admonition')
    if (!admonition) return false
    admonition.children.push(...(inner as typeof admonition.children))
    if (admonition.position && last) admonition.position.end = last
    siblings.splice(index, end - index + 1, admonition)
  } else {
    siblings.splice(index, end - index + 1, ...converted, ...inner)
  }
  return true
}

/**
 * `<a href="…">`, `<strong>`, `<em>`, `<del>` (and `<b>`, `<i>`, `<s>`) and a later
 * closing tag in the same paragraph: a link, strong, emphasis or delete around what
 * stands between.
 */
function inlinePair(siblings: RootContent[], index: number, tag: string, file: VFile): boolean {
  const opener = siblings[index] as Html
  const closing = new RegExp(`^</${tag}\\s*>$`, 'i')
  const end = siblings.findIndex(
    (sibling, at) => at > index && sibling.type === 'html' && closing.test(sibling.value),
  )
  if (end === -1) {
    report(
      file,
      `The \`<${tag}>\` is not closed in its paragraph: close it with \`</${tag}>\`, or write it in markdown`,
      opener.position,
      'html-unknown',
    )
    return false
  }
  const inner = siblings.slice(index + 1, end)
  const [node] = htmlToMdast({ ...opener, value: `${opener.value}</${tag}>` }, file, false) ?? []
  if (!node || !('children' in node)) {
    // Reported: the words stay, the tags go (the closing one is not reported again).
    siblings.splice(index, end - index + 1, ...inner)
    return true
  }
  node.children = inner as PhrasingContent[]
  const last = siblings[end]!.position?.end
  if (opener.position && last) node.position = { start: opener.position.start, end: last }
  siblings.splice(index, end - index + 1, node)
  return true
}

function isPhrasingParent(parent: Parent): boolean {
  return [
    'heading',
    'emphasis',
    'strong',
    'delete',
    'link',
    'linkReference',
    'tableCell',
    'figure',
  ].includes(parent.type)
}
