import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { isFailure } from './messages.js'

function locate(file: VFile, message: VFileMessage): string {
  const path = file.path || 'guide.md'
  const line = message.line ?? 1
  const column = message.column ?? 1
  return `${path}:${line}:${column}`
}

/** Options of {@link GuideError}. */
export interface GuideErrorOptions {
  /** Warnings fail the page too (and are named in the message), as errors do. */
  strict?: boolean | undefined
}

/**
 * A guide that cannot be parsed. Its `message` names every error (every warning too,
 * under `strict`) as `path:line:column: reason`; `messages` are the vfile messages
 * (errors, warnings and infos) for `vfile-reporter` and other tools; `file` is the
 * vfile itself.
 */
export class GuideError extends Error {
  override name = 'GuideError'
  readonly file: VFile
  readonly messages: VFileMessage[]

  constructor(file: VFile, options: GuideErrorOptions = {}) {
    const failures = file.messages.filter((message) => isFailure(message, options.strict))
    const lines = failures.map((message) => `${locate(file, message)}: ${message.reason}`)
    super(lines.join('\n') || `${file.path || 'guide.md'}: invalid guide`)
    this.file = file
    this.messages = [...file.messages]
  }
}
