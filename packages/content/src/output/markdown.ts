/**
 * Turn a guide's tree, a page, or any node of it back into markdown that
 * parses to the same tree.
 */
export { toMarkdown, guideToMarkdown, type MarkdownOptions } from './to-markdown.js'
