import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { guideRules, severityOf, type RuleId, type RuleSettings, type Severity } from './rules.js'

/** Where our messages say they come from (`source` in vfile terms). */
export const messageSource = 'ai-engineer-content'

/** vfile's way to say a severity: `fatal` true (error), false (warning), undefined (info). */
function grade(message: VFileMessage, severity: Exclude<Severity, 'off'>): void {
  message.fatal = severity === 'error' ? true : severity === 'warn' ? false : undefined
}

/**
 * Record a problem on `file` under the rule `ruleId`, at the rule's default severity,
 * and carry on, so one run reports every problem of a guide, not just the first.
 */
export function report(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  ruleId: RuleId,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: messageSource })
  const severity = guideRules[ruleId].severity
  grade(message, severity === 'off' ? 'info' : severity)
  return message
}

/**
 * Give each of our messages on `file` the severity `rules` set for its rule, and drop
 * those of rules set to `off`.
 */
export function applyRules(file: VFile, rules: Readonly<RuleSettings> | undefined): void {
  if (!rules || Object.keys(rules).length === 0) return
  file.messages = file.messages.filter((message) => {
    if (message.source !== messageSource || !message.ruleId) return true
    const severity = severityOf(message.ruleId, rules)
    if (severity === 'off') return false
    grade(message, severity)
    return true
  })
}

/** Whether `message` fails its page: an error, or a warning under `strict`. */
export function isFailure(message: VFileMessage, strict = false): boolean {
  return message.fatal === true || (strict && message.fatal === false)
}

/** Whether `file` holds a message that fails it: an error, or a warning under `strict`. */
export function hasErrors(file: VFile, strict = false): boolean {
  return file.messages.some((message) => isFailure(message, strict))
}
