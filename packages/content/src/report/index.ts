/**
 * How problems are reported: vfile messages under a rule id, at a place, with the
 * rule's severity; the rules and their defaults; the `GuideError` a page that does not
 * parse rejects with.
 */
export { applyRules, hasErrors, isFailure, messageSource, report } from './messages.js'
export {
  checkRuleSettings,
  guideRules,
  severityOf,
  type RuleId,
  type RuleSetting,
  type RuleSettings,
  type RuleSpec,
  type SettableRuleId,
  type Severity,
} from './rules.js'
export { GuideError, type GuideErrorOptions } from './guide-error.js'
