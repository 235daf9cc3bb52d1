import type { NodeSpec } from '../types.js'
import type { Admonition } from '../../types.js'
import { admonitionToHast } from './hast.js'
import { admonitionToMarkdown } from './markdown.js'
import remarkGuideAdmonition from './plugin.js'

/** Admonitions: a container block of their own syntax, rendered as `<aside>` or `<details>`. */
export const admonitionSpec: NodeSpec<Admonition> = {
  plugin: remarkGuideAdmonition,
  phase: 'raw',
  toHast: admonitionToHast,
  toMarkdown: admonitionToMarkdown,
  sanitize: {
    tagNames: ['aside', 'details', 'summary'],
    attributes: {
      aside: [['className', /^[\p{L}\p{N}_-]+$/u]],
      details: ['open', ['className', /^[\p{L}\p{N}_-]+$/u]],
      p: [['className', 'admonition-title']],
    },
  },
  nests: true,
  opensContainer: /^(?:!!!|\?\?\?\+?)(?:[ \t]|$)/,
}
