/**
 * Parse guides written like "So You Wana Be an AI Engineer?": markdown with
 * mkdocs-style raw HTML figures, `<hr>` breaks and gemoji shortcodes.
 */
export {
  checkGuide,
  parseGuide,
  guideProcessor,
  type ParseOptions,
  type ProcessorOptions,
} from './parse-guide.js'
export {
  GuideError,
  guideRules,
  type GuideErrorOptions,
  type RuleId,
  type RuleSetting,
  type RuleSettings,
  type RuleSpec,
  type SettableRuleId,
  type Severity,
} from '../report/index.js'
export {
  default as remarkGuideParse,
  defaultMaxBytes,
  defaultMaxDelimiters,
  defaultMaxNesting,
  type LimitOptions,
} from './hardening/parser.js'
export {
  guideNodes,
  guideNodeTypes,
  type NodePhase,
  type NodeRegistry,
  type NodeSpec,
  type SanitizeAdditions,
  remarkGuideEmoji,
  remarkGuideFigure,
  remarkGuideSections,
} from '../nodes/index.js'
export { default as remarkGuideFrontmatter } from './remark-guide-frontmatter.js'
export { default as remarkGuideHtml } from './remark-guide-html.js'
export { default as remarkGuideUrls } from './remark-guide-urls.js'
export { default as remarkGuideReferences } from './remark-guide-references.js'
export type * from '../types.js'
export type { GuideMeta } from './remark-guide-frontmatter.js'
