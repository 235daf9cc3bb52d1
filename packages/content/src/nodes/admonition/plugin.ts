import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { eachNode } from '../../runtime/index.js'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { report } from '../../report/index.js'
import type { Admonition } from '../../types.js'
import { registerSyntax } from '../register.js'
import { admonitionFromMarkdown } from './from-markdown.js'
import { readHeader } from './header.js'
import { admonitionToMarkdown } from './markdown.js'
import { admonitionSyntax, bodyIndent } from './syntax.js'

/** Options of {@link remarkGuideAdmonition}: none yet. */
export interface AdmonitionOptions {}

/**
 * mkdocs-material's admonitions: `!!! note`, `!!! warning "Custom title"`,
 * `!!! tip ""`, collapsible `??? info` and `???+ info`, the body indented
 * four spaces, as `admonition` nodes. A header without a qualifier or with a
 * title left open, and a body that is not indented, are errors at their
 * place.
 */
const remarkGuideAdmonition: Plugin<[(Readonly<AdmonitionOptions> | null | undefined)?], Root> =
  function () {
    registerSyntax(this, {
      micromark: admonitionSyntax,
      fromMarkdown: admonitionFromMarkdown,
      toMarkdown: admonitionToMarkdown,
    })
    return function (tree, file) {
      eachNode<Admonition>(tree, ['admonition'], (node) => {
        check(node, file)
      })
    }
  }

export default remarkGuideAdmonition

function check(node: Admonition, file: VFile): void {
  const start = node.position?.start
  if (!start) return
  const place = location(file)
  const line = (number: number): string | undefined => {
    const from = place.toOffset({ line: number, column: 1 })
    if (from === undefined) return undefined
    const rest = String(file.value).slice(from)
    return /^[^\r\n]*/.exec(rest)![0]
  }
  const header = readHeader(line(start.line)!.slice(start.column - 1))
  if (!header.ok) {
    report(
      file,
      header.reason,
      { line: start.line, column: start.column + header.column - 1 },
      'admonition-header',
    )
    return
  }
  const next = line(start.line + 1)?.slice(start.column - 1)
  if (node.children.length === 0 && next !== undefined && next.trim() !== '') {
    const column = start.column + /^[ \t]*/.exec(next)![0].length
    report(
      file,
      `The body of \`${line(start.line)!
        .slice(start.column - 1)
        .trim()}\` is not indented: indent each of its lines ${bodyIndent} spaces, or leave a blank line after the header for an admonition with no body`,
      { line: start.line + 1, column },
      'admonition-indent',
    )
  }
}
