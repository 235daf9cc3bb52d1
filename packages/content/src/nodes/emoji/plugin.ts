import { nameToEmoji } from 'gemoji'
import type { Root } from 'mdast'
import { findAndReplace } from 'mdast-util-find-and-replace'
import type { Plugin } from 'unified'
import { someText } from '../../runtime/index.js'
import type { Emoji } from '../../types.js'
import { registerSyntax } from '../register.js'
import { emojiToMarkdown } from './markdown.js'

/** Options of {@link remarkGuideEmoji}: none yet. */
export interface EmojiOptions {}

const shortcode = /:([a-z\d_+-]+):/gi
/** Whether a text holds what may be a shortcode (`shortcode`, found once). */
const mayHoldShortcode = /:[a-z\d_+-]+:/i

/**
 * Turn gemoji shortcodes in text (`:wink:`) into `emoji` nodes (`😉`). An
 * unknown `:word:` stays text; code is never touched.
 */
const remarkGuideEmoji: Plugin<[(Readonly<EmojiOptions> | null | undefined)?], Root> = function () {
  registerSyntax(this, { toMarkdown: emojiToMarkdown })
  return function (tree) {
    // Most pages have no shortcode: skip the find-and-replace walk of the whole tree.
    if (!someText(tree, mayHoldShortcode)) return
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
