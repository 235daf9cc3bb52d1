/**
 * What a load of a guide in a new process takes from the last one: the CLI's `check` and
 * `build`, with a cache folder. A load that found no error leaves a record of the guide
 * as it was: the digest of its `mkdocs.yml`, its pages as listed, and for each page its
 * key, what the guide gave it (`prev`, `next`), what the other pages need of it (its id,
 * its anchors, the digest of its entry in the index), its messages and the image files
 * it names, with their stamps.
 *
 * The next load whose `mkdocs.yml`, list of pages and image files are the same, and whose
 * changed pages (the pages whose keys changed) keep their id, their entry in the index and
 * their anchors, as an edit of a page's body does, parses those pages and resolves their
 * links and images against the record: no other page can differ, so none is read,
 * restored or walked. Anything more (a page added, a heading renamed, an image replaced,
 * the record missing or unreadable) loads the guide whole, which leaves a new record.
 */
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { applyRules, checkRuleSettings, hasErrors } from '../report/index.js'
import type { GuidePage, Section } from '../types.js'
import {
  fileStamp,
  lazyField,
  optionsKey,
  PageCache,
  pipelineVersion,
  restoreMessages,
  restoreParse,
  settledStamp,
  storeMessages,
  type StoredMessage,
  type StoredParse,
} from './cache.js'
import { pageEntryJson } from './data.js'
import { localImages, measureImages } from './images.js'
import { pageAnchors, resolveLinks, type PagesByPath } from './links.js'
import {
  fileText,
  locateGuide,
  markdownFiles,
  type GuideLocation,
  type LoadedGuide,
  type LoadOptions,
} from './load.js'
import { parsePages, type PageJob } from './parse-pages.js'

/** The kinds of load that leave a record: each keeps its own. */
export type LoadKind = 'check' | 'build'

/** What `build` keeps of a page: its module's key and the output names of its images. */
export interface LastBuild {
  module: string
  /** Each image file the page names (relative to the guide's folder), with its name in the output. */
  assets: [string, string][]
}

/** A page as the last load left it. */
export interface LastPage {
  /** The key of its parse in the cache. */
  key: string
  id: string
  prev?: string | undefined
  next?: string | undefined
  /** The digest of its entry in the index: its fields, headings, section and figure ids. */
  entry: string
  /** Its section ids, in order. */
  sections: string[]
  /** Each heading id that is not a section's, then the section it is in, in order. */
  headings: string[]
  /** Its messages, the guide's included, with the rules applied. */
  messages: StoredMessage[]
  /** The local image files it names, relative to the guide's folder. */
  images: string[]
  build?: LastBuild | undefined
}

/** What the last load of a kind left, for the next one. */
export interface LastLoad {
  /** The pipeline, the options, the working folder and the kind it was made for. */
  context: string
  /** The digest of the text of `mkdocs.yml`, or `null` for a folder of pages. */
  config: string | null
  /** The folder of the pages, absolute. */
  docs: string
  strict: boolean
  /** The pages, relative to `docs` with `/`, sorted, as listed. */
  paths: string[]
  /** Each page of `paths`, in the same order. */
  pages: LastPage[]
  /** The messages of `mkdocs.yml`. */
  configMessages: StoredMessage[]
  /** Each image file the pages name (relative to `docs`), with its stamp. */
  images: Record<string, string>
  /** `build`: the folder it wrote (absolute), and the digest of the files made from the index. */
  out?: string | undefined
  own?: string | undefined
}

/** A page that changed since the last load, parsed and put in the guide. */
export interface ChangedPage {
  /** Its place in {@link QuickLoad.paths}. */
  index: number
  /** The page, with its whole tree. */
  page: GuidePage
  file: VFile
  key: string
  /** Whether this load parsed it (it was in no cache). */
  fresh: boolean
}

/** A guide loaded from the last load's record and the pages changed since. */
export interface QuickLoad {
  location: GuideLocation
  /** Every file with its messages: `mkdocs.yml` first (if any), then every page. */
  files: VFile[]
  strict: boolean
  /** Whether a file has an error (or, under `strict`, a warning). */
  failed: boolean
  paths: readonly string[]
  /** As {@link LoadedGuide.parsed}. */
  parsed: LoadedGuide['parsed']
  cache: PageCache
  last: LastLoad
  changed: ChangedPage[]
}

/**
 * A load the last load's record could not give: how many pages it parsed (and stored in
 * the cache) finding that out, which the whole load then takes from the cache.
 */
export interface QuickMiss {
  missed: true
  parsed: number
  threads: number
}

/** A miss, after parsing `parsed` pages on `threads` threads. */
export const missed = (parsed = 0, threads = 1): QuickMiss => ({ missed: true, parsed, threads })

/** The counts of a whole load (`parsed`) after the quick load that missed (`miss`). */
export function parsedAfterMiss(
  parsed: LoadedGuide['parsed'],
  miss: QuickMiss,
): LoadedGuide['parsed'] {
  return {
    count: parsed.count + miss.parsed,
    threads: Math.max(parsed.threads, miss.threads),
    cached: parsed.cached - Math.min(miss.parsed, parsed.cached),
  }
}

const digest = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 32)

/** What a record must have been made for, for a load of `kind` with `options`. */
function contextOf(kind: LoadKind, options: LoadOptions, cwd: string): string {
  return JSON.stringify([kind, pipelineVersion(), optionsKey(options), options.strict ?? null, cwd])
}

/** `value` as a record made for `context`, or `undefined` when it is not one. */
function asLastLoad(value: unknown, context: string): LastLoad | undefined {
  const last = value as Partial<LastLoad> | undefined
  if (
    last?.context !== context ||
    !Array.isArray(last.paths) ||
    !Array.isArray(last.pages) ||
    last.paths.length !== last.pages.length ||
    typeof last.docs !== 'string' ||
    typeof last.images !== 'object' ||
    last.images === null
  ) {
    return undefined
  }
  const whole = last.pages.every(
    (page) =>
      typeof page?.key === 'string' &&
      typeof page.id === 'string' &&
      typeof page.entry === 'string' &&
      Array.isArray(page.sections) &&
      Array.isArray(page.headings) &&
      Array.isArray(page.messages) &&
      Array.isArray(page.images),
  )
  return whole ? (last as LastLoad) : undefined
}

/** The anchors of `page` as a record keeps them: its section ids, and its other headings'. */
function anchorsOf(page: Pick<GuidePage, 'sections'>): { sections: string[]; headings: string[] } {
  const sections = page.sections.map((section) => section.id)
  const own = new Set(sections)
  const headings: string[] = []
  for (const [anchor, section] of pageAnchors(page)) {
    if (!own.has(anchor)) headings.push(anchor, section)
  }
  return { sections, headings }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index])

/**
 * Keep what the load `loaded` (of `kind`, with `options`) leaves to the next: nothing
 * when it has an error, or no cache folder. `build` adds what it wrote: the output
 * folder, the digest of its files made from the index, each page's module (by page id).
 */
export async function saveLastLoad(
  loaded: LoadedGuide,
  kind: LoadKind,
  options: LoadOptions,
  build?: { out: string; own: string; pages: ReadonlyMap<string, LastBuild> },
): Promise<void> {
  const { guide, cache, location } = loaded
  if (!guide || !cache) return
  const cwd = options.cwd ?? process.cwd()
  const images: Record<string, string> = {}
  const pages: LastPage[] = []
  for (const path of loaded.paths) {
    const entry = loaded.pages.get(join(location.docs, ...path.split('/')))
    if (!entry?.page || entry.key === undefined) return
    const { page, file } = entry
    const files = localImages(page.path, page.tree).map(({ file: image }) => image)
    for (const image of files) {
      images[image] ??= cache.imageStampOf(join(location.docs, ...image.split('/'))) ?? ''
    }
    const pageBuild = build?.pages.get(page.id)
    if (build && !pageBuild) return
    pages.push({
      key: entry.key,
      id: page.id,
      prev: page.prev,
      next: page.next,
      entry: digest(pageEntryJson(page)),
      ...anchorsOf(page),
      messages: storeMessages(file),
      images: files,
      build: pageBuild,
    })
  }
  const configFile = location.config ? loaded.files[0] : undefined
  const last: LastLoad = {
    context: contextOf(kind, options, cwd),
    config: configFile ? digest(String(configFile.value)) : null,
    docs: location.docs,
    strict: loaded.strict,
    paths: [...loaded.paths],
    pages,
    configMessages: configFile ? storeMessages(configFile) : [],
    images,
    out: build?.out,
    own: build?.own,
  }
  await cache.saveLastLoad(kind, last)
}

/**
 * The guide at `target` loaded from the last load's record (of `kind`, with `options`),
 * parsing only the pages that changed since; a miss when the record cannot give it:
 * no cache folder or a cache in memory, no record for these options, `mkdocs.yml`, the
 * list of pages or an image file changed, or a changed page's id, entry in the index or
 * anchors differ (load the guide whole then).
 */
export async function quickLoad(
  target: string,
  kind: LoadKind,
  options: LoadOptions,
): Promise<QuickLoad | QuickMiss> {
  if (options.cacheDir === undefined || options.cache !== undefined) return missed()
  const cwd = options.cwd ?? process.cwd()
  const location = locateGuide(target, cwd)
  const cache = new PageCache(options.cacheDir, location.config ?? location.docs)
  const last = asLastLoad(await cache.lastLoad(kind), contextOf(kind, options, cwd))
  if (!last) return missed()
  const files: VFile[] = []
  if (location.config) {
    let text: string
    try {
      text = await readFile(location.config, 'utf8')
    } catch {
      return missed()
    }
    if (digest(text) !== last.config) return missed()
    const configFile = new VFile({ path: relative(cwd, location.config), value: text })
    restoreMessages(configFile, last.configMessages)
    files.push(configFile)
  } else if (last.config !== null) return missed()
  const docs = (location.docs = last.docs)
  let paths: string[]
  try {
    paths = markdownFiles(docs)
  } catch {
    return missed()
  }
  if (!sameList(paths, last.paths)) return missed()

  // Every image file the pages name, as it was: its stamp the one kept with its size.
  const imageStamps = await cache.imageStamps()
  for (const [image, stamp] of Object.entries(last.images)) {
    const absolute = join(docs, ...image.split('/'))
    const stats = statSync(absolute, { bigint: true, throwIfNoEntry: false })
    const kept = imageStamps.get(absolute)
    if (!stats || stamp === '' || fileStamp(stats) !== stamp || kept?.stamp !== stamp) {
      return missed()
    }
    cache.imageStamp(absolute, kept)
  }

  // The pages whose key changed: by their stamps, else by their bytes.
  const processing = optionsKey(options)
  const stamps = await cache.stamps(processing)
  const now = Date.now()
  const reads: (PageJob & { index: number; absolute: string; key: string })[] = []
  for (const [index, path] of paths.entries()) {
    const record = last.pages[index]!
    const absolute = join(docs, ...path.split('/'))
    const name = relative(cwd, absolute)
    const stats = statSync(absolute, { bigint: true, throwIfNoEntry: false })
    if (!stats) return missed()
    const stamp = fileStamp(stats)
    const found = stamps.get(absolute)
    if (found?.stamp === stamp && found.name === name && found.key === record.key) {
      cache.stamp(absolute, found)
      continue
    }
    const bytes = await readFile(absolute)
    const key = cache.key(bytes, { path: name, pagePath: path }, processing)
    if (settledStamp(stats, now)) cache.stamp(absolute, { stamp, name, key })
    if (key !== record.key) reads.push({ index, absolute, key, bytes, path: name, pagePath: path })
  }

  // Each changed page from its entry in the cache, else parsed (and stored).
  const parses = new Array<StoredParse>(reads.length)
  const jobs: { at: number; job: PageJob }[] = []
  await Promise.all(
    reads.map(async (read, at) => {
      const stored = await cache.get(read.key)
      if (stored) parses[at] = stored
      else {
        const { bytes, path, pagePath } = read
        jobs.push({ at, job: { bytes, path, pagePath, entry: cache.entryFile(read.key) } })
      }
    }),
  )
  jobs.sort((a, b) => a.at - b.at)
  const { parses: made, threads } = await parsePages(
    jobs.map(({ job }) => job),
    options,
    options.threads,
    options.onParsed && ((done) => options.onParsed!(done, jobs.length)),
  )
  jobs.forEach(({ at }, n) => (parses[at] = made[n]!.parse))
  const fresh = new Set(jobs.map(({ at }) => at))

  // Each keeps what the others know of it, or the guide is loaded whole.
  const changed: ChangedPage[] = []
  for (const [at, read] of reads.entries()) {
    const record = last.pages[read.index]!
    const { file, page } = restoreParse(parses[at]!, read.path, Buffer.from(read.bytes).toString())
    if (!page || page.id !== record.id) return missed(jobs.length, threads)
    if (record.prev !== undefined) page.prev = record.prev
    if (record.next !== undefined) page.next = record.next
    const anchors = anchorsOf(page)
    if (
      digest(pageEntryJson(page)) !== record.entry ||
      !sameList(anchors.sections, record.sections) ||
      !sameList(anchors.headings, record.headings)
    ) {
      return missed(jobs.length, threads)
    }
    changed.push({ index: read.index, page, file, key: read.key, fresh: fresh.has(at) })
  }

  // Their links, against the others as the record has them; their images.
  const own = new Map(changed.map(({ index, page }) => [paths[index]!, page]))
  const indexOf = new Map(paths.map((path, index) => [path, index]))
  const targets: PagesByPath = {
    get(path) {
      const page = own.get(path)
      if (page) return page
      const index = indexOf.get(path)
      if (index === undefined) return undefined
      const made = recordPage(path, last.pages[index]!)
      own.set(path, made)
      return made
    },
  }
  resolveLinks(changed, new Set(), targets)
  await measureImages(changed, docs, undefined, {
    read: imageStamps,
    keep: (path, stamp) => cache.imageStamp(path, stamp),
  })
  const rules = options.rules ? checkRuleSettings(options.rules) : undefined
  for (const { file } of changed) applyRules(file, rules)
  await cache.saveStamps()
  await cache.saveImages()
  await cache.forget(changed.map(({ index }) => last.pages[index]!.key))

  const changedAt = new Map(changed.map((page) => [page.index, page]))
  paths.forEach((path, index) => {
    const page = changedAt.get(index)
    if (page) {
      files.push(page.file)
      return
    }
    const absolute = join(docs, ...path.split('/'))
    const file = new VFile({ path: relative(cwd, absolute) })
    lazyField(file, 'value', fileText(absolute))
    restoreMessages(file, last.pages[index]!.messages)
    files.push(file)
  })
  return {
    location,
    files,
    strict: last.strict,
    failed: files.some((file) => hasErrors(file, last.strict)),
    paths,
    parsed: { count: jobs.length, threads, cached: paths.length - jobs.length },
    cache,
    last,
    changed,
  }
}

/**
 * A page as links to it need it, made from its record: its id, its path, and its
 * sections with the ids of the headings in them, so {@link pageAnchors} gives the
 * anchors it had.
 */
function recordPage(path: string, record: LastPage): GuidePage {
  const sections: Section[] = record.sections.map((id) => ({
    type: 'section',
    id,
    children: [],
  }))
  const byId = new Map(sections.map((section) => [section.id, section]))
  for (let at = 0; at < record.headings.length; at += 2) {
    byId.get(record.headings[at + 1]!)?.children.push({
      type: 'heading',
      depth: 2,
      children: [],
      data: { id: record.headings[at]! },
    })
  }
  return {
    id: record.id,
    path,
    title: record.id,
    tree: { type: 'root', children: sections },
    sections,
    figures: [],
  }
}

/**
 * Keep what the quick load `quick` leaves to the next, when it found no error: its
 * record with the changed pages as they are now; `build` adds what it wrote of them.
 */
export async function saveQuickLoad(
  quick: QuickLoad,
  kind: LoadKind,
  build?: ReadonlyMap<number, LastBuild>,
): Promise<void> {
  // No page changed: the record stands as it is.
  if (quick.failed || quick.changed.length === 0) return
  const { last, cache, location } = quick
  const pages = [...last.pages]
  const images = { ...last.images }
  for (const { index, page, file, key } of quick.changed) {
    const files = localImages(page.path, page.tree).map(({ file: image }) => image)
    for (const image of files) {
      images[image] ??= cache.imageStampOf(join(location.docs, ...image.split('/'))) ?? ''
    }
    pages[index] = {
      ...pages[index]!,
      key,
      messages: storeMessages(file),
      images: files,
      build: build?.get(index) ?? pages[index]!.build,
    }
  }
  // The images no page names any more are left out.
  const named = new Set(pages.flatMap((page) => page.images))
  for (const image of Object.keys(images)) if (!named.has(image)) delete images[image]
  await cache.saveLastLoad(kind, { ...last, pages, images })
}
