import { nameToEmoji } from 'gemoji'
import type { Root } from 'mdast'
import { findAndReplace } from 'mdast-util-find-and-replace'
import type { Plugin } from 'unified'
import type { Emoji } from '../../types.js'
import { registerSyntax } from '../register.js'
import { emojiToMarkdown } from './markdown.js'

/** Options of {@link remarkGuideEmoji}: none yet. */
export interface EmojiOptions {}

const shortcode = /:([a-z\d_+-]+):/gi

/**
 * Turn gemoji shortcodes in text (`:wink:`) into `emoji` nodes (`😉`). An
 * unknown `:word:` stays text; code is never touched.
 */
const remarkGuideEmoji: Plugin<[(Readonly<EmojiOptions> | null | undefined)?], Root> = function () {
  registerSyntax(this, { toMarkdown: emojiToMarkdown })
  return function (tree) {
    findAndReplace(tree, [
      shortcode,
      (_match: string, name: string): Emoji | false => {
        const value = Object.hasOwn(nameToEmoji, name) ? nameToEmoji[name] : undefined
        return value === undefined ? false : { type: 'emoji', name, value }
      },
    ])
  }
}

export default remarkGuideEmoji
