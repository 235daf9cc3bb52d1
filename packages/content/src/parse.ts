/**
 * Parse guides written like "So You Wana Be an AI Engineer?": markdown with
 * mkdocs-style raw HTML figures, `<hr>` breaks and gemoji shortcodes.
 */
export { parseGuide, guideProcessor, type ParseOptions } from './parse-guide.js'
export { GuideError } from './guide-error.js'
export { default as remarkGuideFrontmatter } from './remark-guide-frontmatter.js'
export { default as remarkGuideFigure } from './remark-guide-figure.js'
export { default as remarkGuideHtml } from './remark-guide-html.js'
export { default as remarkGuideEmoji } from './remark-guide-emoji.js'
export { default as remarkGuideUrls } from './remark-guide-urls.js'
export { default as remarkGuideReferences } from './remark-guide-references.js'
export { default as remarkGuideSections } from './remark-guide-sections.js'
export type * from './types.js'
export type { GuideMeta } from './remark-guide-frontmatter.js'
