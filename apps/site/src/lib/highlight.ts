/**
 * Code blocks highlighted when the site is built, with Shiki: the HTML of each `code`
 * node of a tree, in two themes at once (the palette picks one with CSS), kept for the
 * site's code component. Nothing of Shiki reaches the browser.
 */
import type { Code } from 'mdast'
import { bundledLanguages, codeToHtml } from 'shiki'

/** The highlighted HTML of each code node, once {@link highlight} has seen its tree. */
export const highlighted = new WeakMap<object, string>()

/** Themes that keep every token at 4.5:1 or more on their own background. */
const themes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }

/** Highlight every code block of `tree` (a language Shiki lacks is shown as plain text). */
export async function highlight(tree: { children: unknown[] }): Promise<void> {
  const blocks: Code[] = []
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    if ((node as { type?: unknown }).type === 'code') blocks.push(node as Code)
    const children = (node as { children?: unknown }).children
    if (Array.isArray(children)) children.forEach(walk)
  }
  walk(tree)
  for (const block of blocks) {
    const lang = block.lang && block.lang in bundledLanguages ? block.lang : 'text'
    highlighted.set(block, await codeToHtml(block.value, { lang, themes, defaultColor: false }))
  }
}
