import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown'
import type { Admonition } from '../../types.js'
import { readHeader } from './header.js'

/**
 * mdast from the tokens of `./syntax.ts`. A header that does not read is
 * left with an empty kind here; the plugin reports it, with its position.
 */
export const admonitionFromMarkdown: Extension = {
  enter: {
    admonition(this: CompileContext, token: Token) {
      const node: Admonition = {
        type: 'admonition',
        kind: '',
        title: null,
        collapsible: false,
        open: true,
        children: [],
      }
      this.enter(node, token)
    },
    admonitionHeader(this: CompileContext, token: Token) {
      const node = this.stack.at(-1) as Admonition
      const header = readHeader(this.sliceSerialize(token))
      if (header.ok) Object.assign(node, header.fields)
    },
  },
  exit: {
    admonition(this: CompileContext, token: Token) {
      const node = this.stack.at(-1) as Admonition
      this.exit(token)
      // Blank lines the admonition held at its end are not part of it.
      const last = node.children.at(-1)
      if (last?.position && node.position) node.position.end = last.position.end
    },
  },
}
