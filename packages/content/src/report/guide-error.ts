import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

function locate(file: VFile, message: VFileMessage): string {
  const path = file.path || 'guide.md'
  const line = message.line ?? 1
  const column = message.column ?? 1
  return `${path}:${line}:${column}`
}

/**
 * A guide that cannot be parsed. Its `message` names every error as
 * `path:line:column: reason`; `messages` are the vfile messages (errors and
 * warnings) for `vfile-reporter` and other tools; `file` is the vfile itself.
 */
export class GuideError extends Error {
  override name = 'GuideError'
  readonly file: VFile
  readonly messages: VFileMessage[]

  constructor(file: VFile) {
    const errors = file.messages.filter((message) => message.fatal === true)
    const lines = errors.map((message) => `${locate(file, message)}: ${message.reason}`)
    super(lines.join('\n') || `${file.path || 'guide.md'}: invalid guide`)
    this.file = file
    this.messages = [...file.messages]
  }
}
