import type { Handle, Options } from 'mdast-util-to-markdown'
import type { Admonition } from '../../types.js'
import { writeHeader } from './header.js'
import { bodyIndent } from './syntax.js'

const indent = ' '.repeat(bodyIndent)

const admonition: Handle = (node: Admonition, _parent, state, info) => {
  const body = state.containerFlow(node, info)
  const header = writeHeader(node)
  if (!body) return header
  return `${header}\n${state.indentLines(body, (line, _, blank) => (blank ? '' : indent) + line)}`
}

/**
 * An admonition is written as authors write it: its header, then its body
 * indented four spaces. A line of text that would read as a header is
 * escaped.
 */
export const admonitionToMarkdown: Options = {
  handlers: { admonition },
  unsafe: [
    { character: '!', atBreak: true, after: '!!' },
    { character: '?', atBreak: true, after: '\\?\\?' },
  ],
}
