/**
 * `ai-engineer-content build --watch`: build, then build again each time a file of the
 * guide changes, in the same process. The pages stay in memory between builds, so a
 * save reads and parses the files it changed and nothing else (as the Vite plugin does);
 * a build that fails leaves the last good output as it is, and the watch goes on.
 */
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import {
  isGuideFile,
  isImageOf,
  locateGuide,
  type GuideLocation,
  type LoadOptions,
  type ParsedPage,
} from '../guide/index.js'
import { buildGuide, type BuildResult } from './build.js'

/** How long after the last change of a burst a build starts: a save can be a few writes. */
const settleMs = 40

/**
 * How long after a build the pages it read are read again: the watcher reports no change
 * of a file within 50 ms of the last one it reported, so a quick second save can go
 * unreported.
 */
const recheckMs = 100

/** What {@link watchBuild} reports each build to, with when it started. */
export type BuildReport = (result: BuildResult, started: number) => void

/**
 * Build the guide at `target` into `out`, then again on each change of its files, until
 * the process is told to stop (SIGINT, SIGTERM): it finishes the build under way, stops
 * watching, and resolves. `report` is told of each build, once the files it read are
 * watched: a change made after a report is seen.
 */
export async function watchBuild(
  target: string,
  out: string,
  options: LoadOptions,
  report: BuildReport,
): Promise<void> {
  const cache = new Map<string, ParsedPage>()
  const skipped = [resolve(out), ...(options.cacheDir ? [resolve(options.cacheDir)] : [])]
  let listed: readonly string[] | undefined
  let location = locateGuide(target, options.cwd)
  let isImageOfGuide: ((file: string) => boolean) | undefined
  // The guide's folder and config as watched, for the location they were watched for.
  let watching: { location: GuideLocation; watcher: FSWatcher } | undefined
  // The files changed since the last build started; `undefined`: load the guide anew.
  let pending: Set<string> | undefined = new Set()
  let relist = false
  let queued = false
  let timer: NodeJS.Timeout | undefined
  let recheck: NodeJS.Timeout | undefined
  // The files of the builds since the last recheck.
  const rechecked = new Set<string>()
  let running: Promise<void> = Promise.resolve()

  /** Whether a change of `file` can change the output. */
  const matters = (file: string): boolean => {
    if (isGuideFile(location, file)) return true
    // With no good build yet, any file may be the one an error is about (a missing image).
    return isImageOfGuide === undefined || isImageOfGuide(file)
  }
  const changed = (file: string, listChanged: boolean): void => {
    if (!matters(file)) return
    if (file === location.config) pending = undefined
    else pending?.add(file)
    if (listChanged) relist = true
    if (queued) return
    clearTimeout(timer)
    timer = setTimeout(() => {
      queued = true
      running = running.then(async () => {
        queued = false
        const files = pending
        const again = relist
        pending = new Set()
        relist = false
        await build(files, again).catch((error: unknown) => {
          process.stderr.write(`ai-engineer-content: ${(error as Error).message}\n`)
        })
        if (files) recheckLater(files)
      })
    }, settleMs)
  }

  /** A while after a build, pass on the pages of `files` whose text is not what it read. */
  const recheckLater = (files: ReadonlySet<string>): void => {
    for (const file of files) rechecked.add(file)
    clearTimeout(recheck)
    recheck = setTimeout(() => {
      const due = [...rechecked]
      rechecked.clear()
      for (const file of due) {
        const page = cache.get(file)
        if (page === undefined) continue
        readFile(file, 'utf8').then(
          (text) => {
            if (text !== page.source) changed(file, false)
          },
          () => undefined,
        )
      }
    }, recheckMs)
  }

  /** Watch the guide's folder and config, anew when the config moved the folder. */
  const watchGuide = async (): Promise<void> => {
    if (watching?.location.docs === location.docs) return
    await watching?.watcher.close()
    const watcher = watch([location.docs, ...(location.config ? [location.config] : [])], {
      ignoreInitial: true,
      // The output and the cache, should they be in the guide's folder, and dot files
      // and editors' backups, which the guide leaves out.
      ignored: (path) =>
        skipped.some((folder) => path === folder || path.startsWith(folder + sep)) ||
        (path.startsWith(location.docs + sep) &&
          /(^|[/\\])\.|~$/.test(path.slice(location.docs.length))),
    })
    watcher.on('all', (event, path) => {
      changed(resolve(path), event !== 'change')
    })
    await once(watcher, 'ready')
    watching = { location, watcher }
  }

  const build = async (files?: ReadonlySet<string>, again = false): Promise<void> => {
    const started = performance.now()
    const result = await buildGuide(target, out, {
      ...options,
      // The progress line is for the first build: the others parse what a save changed.
      onParsed: files ? undefined : options.onParsed,
      cache,
      changed: files,
      paths: files && !again ? listed : undefined,
    })
    // A build that keeps its pages in memory (`cache`) loads the guide whole.
    const loaded = result.loaded!
    location = loaded.location
    listed = loaded.paths
    const pages = loaded.guide?.pages
    isImageOfGuide = pages ? isImageOf(pages, location.docs) : undefined
    if (watching) await watchGuide()
    report(result, started)
  }

  await build()
  await watchGuide()
  process.stderr.write(
    `ai-engineer-content: watching ${location.config ?? location.docs} (Ctrl+C to stop)\n`,
  )
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      clearTimeout(timer)
      clearTimeout(recheck)
      void running.then(() => watching?.watcher.close()).then(done)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
