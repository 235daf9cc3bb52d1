/**
 * Turn a guide's tree, or any node of it, into sanitized HTML.
 */
export { toHtml, guideSanitizeSchema, type HtmlOptions } from './to-html.js'
