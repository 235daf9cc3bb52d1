/**
 * `ai-engineer-content check <files | dir | mkdocs.yml>…`: a markdown file is checked as
 * one page; a folder or an `mkdocs.yml` as a whole guide, the nav and the links between
 * its pages included.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { VFile } from 'vfile'
import {
  loadGuide,
  parsedAfterMiss,
  quickLoad,
  saveLastLoad,
  saveQuickLoad,
  type LoadedGuide,
  type LoadOptions,
} from '../guide/index.js'
import { applyRules, report } from '../report/index.js'

/** Options of {@link checkTargets}: the limits and rules of the pipeline, and `strict`. */
export interface CheckOptions extends LoadOptions {
  strict: boolean
}

/** Whether `target` is a guide (a folder, or an `mkdocs.yml`) rather than a page. */
export function isGuideTarget(target: string): boolean {
  const path = resolve(target)
  if (existsSync(path) && statSync(path).isDirectory()) return true
  return /\.ya?ml$/i.test(path)
}

/** The files of every target, with their messages; `strict` from the guides too. */
export async function checkTargets(
  targets: readonly string[],
  options: CheckOptions,
): Promise<{ files: VFile[]; strict: boolean[]; parsed: LoadedGuide['parsed'][] }> {
  const files: VFile[] = []
  const strict: boolean[] = []
  const parsed: LoadedGuide['parsed'][] = []
  for (const target of targets) {
    if (isGuideTarget(target)) {
      if (!existsSync(target)) {
        files.push(unreadable(target, 'no such file or folder'))
        strict.push(options.strict)
        continue
      }
      const guideOptions = { ...options, strict: options.strict || undefined }
      // From the last check's record when only pages' bodies changed since, else whole.
      const quick = await quickLoad(target, 'check', guideOptions)
      if (!('missed' in quick)) {
        await saveQuickLoad(quick, 'check')
        files.push(...quick.files)
        strict.push(...quick.files.map(() => quick.strict))
        parsed.push(quick.parsed)
        continue
      }
      const loaded = await loadGuide(target, { ...guideOptions, outlines: true })
      await saveLastLoad(loaded, 'check', guideOptions)
      files.push(...loaded.files)
      strict.push(...loaded.files.map(() => loaded.strict))
      parsed.push(parsedAfterMiss(loaded.parsed, quick))
      continue
    }
    let bytes: Uint8Array
    try {
      bytes = await readFile(target)
    } catch (error) {
      files.push(unreadable(target, (error as Error).message))
      strict.push(options.strict)
      continue
    }
    // Read as bytes: checkGuide decodes them as strict UTF-8 and reports a bad byte's position.
    const { checkGuide } = await import('../parse/index.js')
    const { file } = await checkGuide(bytes, { ...options, path: target })
    applyRules(file, options.rules)
    files.push(file)
    strict.push(options.strict)
    parsed.push({ count: 1, threads: 1, cached: 0 })
  }
  return { files, strict, parsed }
}

function unreadable(path: string, why: string): VFile {
  const file = new VFile({ path })
  report(file, `Cannot read the file: ${why}`, undefined, 'read')
  return file
}
