import type { Element } from 'hast'
import type { State } from 'mdast-util-to-hast'
import type { NodeSpec } from '../types.js'
import type { Emoji } from '../../types.js'
import { emojiToMarkdown } from './markdown.js'
import remarkGuideEmoji from './plugin.js'

/** The emoji as text, named for assistive technology: `<span role="img" aria-label>`. */
function emojiToHast(state: State, node: Emoji): Element {
  const result: Element = {
    type: 'element',
    tagName: 'span',
    properties: { role: 'img', ariaLabel: node.name },
    children: [{ type: 'text', value: node.value }],
  }
  state.patch(node, result)
  return result
}

/** Emoji: gemoji shortcodes in text; written back as the shortcode. */
export const emojiSpec: NodeSpec<Emoji> = {
  plugin: remarkGuideEmoji,
  phase: 'inline',
  toHast: emojiToHast,
  toMarkdown: emojiToMarkdown,
  sanitize: { attributes: { span: [['role', 'img'], 'ariaLabel'] } },
  nests: false,
}
