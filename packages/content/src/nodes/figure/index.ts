import type { NodeSpec } from '../types.js'
import type { Figure } from '../../types.js'
import { figureToHast } from './hast.js'
import { figureToMarkdown } from './markdown.js'
import remarkGuideFigure from './plugin.js'

/** Figures: raw `<figure>` blocks, read before other raw HTML is judged; written back as such. */
export const figureSpec: NodeSpec<Figure> = {
  plugin: remarkGuideFigure,
  phase: 'raw',
  toHast: figureToHast,
  toMarkdown: figureToMarkdown,
  sanitize: {
    tagNames: ['figure', 'figcaption'],
    attributes: {
      img: [
        ['loading', 'lazy'],
        ['decoding', 'async'],
      ],
    },
  },
  nests: false,
}
