import type { Html, Parent, Root } from 'mdast'
import type { Plugin } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { report } from '../report/index.js'

/** Options of {@link remarkGuideHtml}: none yet. */
export interface HtmlOptions {}

const hr = /^<hr\s*\/?>$/i
const br = /^<br\s*\/?>$/i
const comment = /^<!--(?:(?!-->)[\s\S])*-->$/

/**
 * Give every raw HTML node that is left a meaning, or an error: a block `<hr>`
 * becomes a thematic break (which `remarkGuideSections` turns into
 * structure), an inline `<br>` a break, an HTML comment is dropped, and
 * anything else is an error at its position. Run it after
 * `remarkGuideFigure`: after it, no `html` node is left.
 */
const remarkGuideHtml: Plugin<[(Readonly<HtmlOptions> | null | undefined)?], Root> = function () {
  return function (tree, file) {
    visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return
      const value = node.value.trim()
      const block = parent.type !== 'paragraph' && !isPhrasingParent(parent)
      if (comment.test(value)) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      if (block && hr.test(value)) {
        const replacement = { type: 'thematicBreak' as const, position: node.position }
        parent.children.splice(index, 1, replacement)
        return SKIP
      }
      if (!block && br.test(value)) {
        const replacement = { type: 'break' as const, position: node.position }
        parent.children.splice(index, 1, replacement)
        return SKIP
      }
      const tag = /^<(\/?[a-z][a-z\d-]*)/i.exec(value)?.[1]?.toLowerCase()
      const what = tag ? `\`<${tag}>\`` : `\`${value.slice(0, 30)}\``
      report(
        file,
        tag === 'hr' || tag === 'br'
          ? `${what} takes no attributes and stands ${tag === 'hr' ? 'on a line of its own' : 'inside a paragraph'}: write a bare ${what}`
          : `Raw HTML ${what} is not supported: write it in markdown (a \`<figure>\` block, \`<hr>\` and \`<br>\` are the HTML a guide may use), or escape the \`<\` as \`\\<\``,
        node.position,
        'html-unknown',
      )
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

export default remarkGuideHtml

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
