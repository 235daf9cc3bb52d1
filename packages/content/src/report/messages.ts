import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/** Where our messages say they come from (`source` in vfile terms). */
export const messageSource = 'ai-engineer-content'

/**
 * Record a fatal problem on `file` and carry on, so one run reports every
 * problem of a guide, not just the first.
 */
export function fail(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  ruleId: string,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: messageSource })
  message.fatal = true
  return message
}

/** Record a warning on `file`: something was dropped or guessed, nothing is wrong. */
export function warn(
  file: VFile,
  reason: string,
  place: Point | Position | undefined,
  ruleId: string,
): VFileMessage {
  return file.message(reason, { place, ruleId, source: messageSource })
}

/** Whether `file` holds a fatal message. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
