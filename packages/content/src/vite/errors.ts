/**
 * How `@ai-engineer/content/vite` reports a guide that does not compile: the payload of
 * Vite's error overlay (the guide's `path:line:column`, the message, a code frame) and
 * the `vfile-reporter` text for the terminal.
 */
import { codeFrameColumns } from '@babel/code-frame'
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { resolve } from 'node:path'
import type { LoadedGuide, ParsedPage } from '../guide/index.js'
import { GuideError, hasErrors } from '../report/index.js'

/** The fields of Vite's error overlay (`ErrorPayload['err']`). */
export interface OverlayError {
  message: string
  stack: string
  plugin: string
  id?: string
  frame?: string
  loc?: { file: string; line: number; column: number }
}

/** Why a guide folder did not compile: the failed pages, or another error. */
export class GuidesError extends Error {
  override name = 'GuidesError'
  constructor(
    /** The failed pages: absolute path, text as read, and the error. */
    readonly failures: readonly { file: string; source: string; error: GuideError }[],
    message = failures.map(({ error }) => error.message).join('\n'),
  ) {
    super(message)
  }
}

/**
 * Why `loaded` has no guide: each file with an error (a warning too, under `strict`),
 * with its text as parsed (from `cache`, else as read), its path made absolute from `cwd`.
 */
export function guideFailures(
  loaded: LoadedGuide,
  cwd: string,
  cache: ReadonlyMap<string, ParsedPage>,
): GuidesError {
  const failures = loaded.files
    .filter((file) => hasErrors(file, loaded.strict))
    .map((file) => {
      const path = resolve(cwd, file.path)
      const source = cache.get(path)?.source ?? String(file.value)
      return { file: path, source, error: new GuideError(file, { strict: loaded.strict }) }
    })
  return new GuidesError(failures)
}

/** The terminal's report of `error`: `vfile-reporter` output for guide errors. */
export function reportText(error: unknown): string {
  if (error instanceof GuidesError && error.failures.length > 0) {
    return reporter(error.failures.map(({ error: failure }) => failure.file as VFile))
  }
  return error instanceof Error ? error.message : String(error)
}

/** The overlay of `error`, located at the first error of the first failed page. */
export function overlayError(error: unknown, plugin: string): OverlayError {
  const message = error instanceof Error ? error.message : String(error)
  const overlay: OverlayError = { message, stack: '', plugin }
  const first = error instanceof GuidesError ? error.failures[0] : undefined
  if (!first) return overlay
  const fatal = first.error.messages.find((item) => item.fatal === true) ?? first.error.messages[0]
  const line = fatal?.line ?? 1
  const column = fatal?.column ?? 1
  overlay.id = first.file
  overlay.loc = { file: first.file, line, column }
  overlay.frame = codeFrameColumns(
    first.source,
    { start: { line, column } },
    { highlightCode: false },
  )
  return overlay
}
