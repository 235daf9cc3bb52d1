/**
 * How `ai-engineer-content check` prints messages: `stylish` (`vfile-reporter`, for
 * people), `unix` (`path:line:column: severity message (rule)`, for editors), `github`
 * (workflow commands, so GitHub Actions annotates the lines) and `json`.
 */
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { reporter } from 'vfile-reporter'

/** The output formats of `check`. */
export const formats = ['stylish', 'unix', 'github', 'json'] as const

/** An output format of `check`. */
export type Format = (typeof formats)[number]

/** What a message counts as, in words. */
function severity(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Every message of `files`, with its file's path. */
function messagesOf(files: readonly VFile[]): { path: string; message: VFileMessage }[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({ path: file.path || '-', message })),
  )
}

/** GitHub's escapes for a workflow command's data, and (with `property`) for a property. */
function escape(text: string, property = false): string {
  const data = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return property ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data
}

const formatters: Record<Format, (files: readonly VFile[], quiet: boolean) => string> = {
  stylish: (files, quiet) => reporter([...files], { quiet }),
  unix: (files) =>
    messagesOf(files)
      .map(
        ({ path, message }) =>
          `${path}:${message.line ?? 1}:${message.column ?? 1}: ${severity(message)} ${message.reason}${message.ruleId ? ` (${message.ruleId})` : ''}`,
      )
      .join('\n'),
  github: (files) =>
    messagesOf(files)
      .map(({ path, message }) => {
        const command = { error: 'error', warning: 'warning', info: 'notice' }[severity(message)]
        const place = message.place && 'start' in message.place ? message.place : undefined
        const properties = [
          `file=${escape(path, true)}`,
          `line=${message.line ?? 1}`,
          `col=${message.column ?? 1}`,
          ...(place ? [`endLine=${place.end.line}`, `endColumn=${place.end.column}`] : []),
          ...(message.ruleId ? [`title=${escape(message.ruleId, true)}`] : []),
        ]
        return `::${command} ${properties.join(',')}::${escape(message.reason)}`
      })
      .join('\n'),
  json: (files) =>
    JSON.stringify(
      files.map((file) => ({
        path: file.path || '-',
        messages: file.messages.map((message) => {
          const place = message.place && 'start' in message.place ? message.place : undefined
          return {
            line: message.line ?? null,
            column: message.column ?? null,
            endLine: place?.end.line ?? null,
            endColumn: place?.end.column ?? null,
            severity: severity(message),
            rule: message.ruleId ?? null,
            message: message.reason,
            source: message.source ?? null,
          }
        }),
      })),
      null,
      2,
    ),
}

/** The messages of `files` in `format`. */
export function format(files: readonly VFile[], as: Format, quiet = false): string {
  return formatters[as](files, quiet)
}
