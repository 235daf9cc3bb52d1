/**
 * What a tree becomes: sanitized HTML and hast, markdown that parses back to the
 * same tree, JSX, and what is derived from a page (tables of contents, texts).
 * Each public subpath is one file of this folder that names what it exports
 * (`html.ts`, `markdown.ts`, `jsx.ts`, `derived.ts`, `search.ts`); this door
 * serves the package's own build.
 */
export { guideSanitizeSchema, toHtml, toSafeHast } from './to-html.js'
export { guideToMarkdown, toMarkdown } from './to-markdown.js'
export { toJsx } from './to-jsx.js'
export { derivePage, shorten, type DerivedPage } from './derive.js'
