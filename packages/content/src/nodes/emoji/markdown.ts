import type { Handle, Options } from 'mdast-util-to-markdown'
import type { Emoji } from '../../types.js'

const emoji: Handle = (node: Emoji) => `:${node.name}:`

/** An emoji is written back as its shortcode. */
export const emojiToMarkdown: Options = { handlers: { emoji } }
