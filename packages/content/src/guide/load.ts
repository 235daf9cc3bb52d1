/**
 * A guide as mkdocs builds it: a folder of markdown pages, with or without an
 * `mkdocs.yml`. Every page is parsed with the page pipeline; then the guide as a whole
 * is put together: its title (`site_name`, else the first page's), its nav (from
 * `nav`, else from the files: `index.md` first, then by name, folders as groups), each
 * page's `prev` and `next`, the links between pages. Pages outside the nav are built
 * and reported; a nav entry whose file is missing is a warning at its line in
 * `mkdocs.yml`, as mkdocs has it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path'
import type { Link } from 'mdast'
import { VFile } from 'vfile'
import type { ProcessorOptions } from '../parse/index.js'
import { applyRules, checkRuleSettings, hasErrors, report } from '../report/index.js'
import { isSafeUrl } from '../runtime/index.js'
import type { Guide, GuidePage, NavItem } from '../types.js'
import {
  fileStamp,
  lazyField,
  optionsKey,
  PageCache,
  processorOptions,
  restoreParse,
  settledStamp,
  type ImageStamp,
} from './cache.js'
import { givenChanged } from './given.js'
import { localImages, measureImages } from './images.js'
import { resolveLinks } from './links.js'
import { readMkdocs, type MkdocsConfig, type NavEntry } from './mkdocs.js'
import { parseJob, parsePages, type PageJob } from './parse-pages.js'
import { nodesOf } from './walk.js'

/** Options of {@link loadGuide}. */
export interface LoadOptions extends ProcessorOptions {
  /** Warnings fail the guide too. Default: `strict` of `mkdocs.yml`, else `false`. */
  strict?: boolean | undefined
  /** Where paths in messages are relative to. Default: `process.cwd()`. */
  cwd?: string | undefined
  /**
   * Pages parsed before, by absolute path, with the text they were parsed from: a page
   * whose text is the same is not parsed again (the Vite plugin keeps one across saves).
   */
  cache?: Map<string, ParsedPage> | undefined
  /**
   * A folder to keep each page's parse in between runs: a page whose bytes, options and
   * pipeline are the same is not parsed again. Default: none.
   */
  cacheDir?: string | undefined
  /**
   * With `cache`: the pages and images (absolute paths) that may have changed since `cache`
   * was filled. Any other page that `cache` holds is taken from it without reading its
   * file, and its images keep the sizes read then, as the Vite plugin does when its
   * watcher names the file saved. Default: read every page and measure every image.
   */
  changed?: ReadonlySet<string> | undefined
  /**
   * With `cacheDir`: each page found in the cache folder comes as its outline, read with
   * the others from a few files for the whole guide: a tree of its sections, headings,
   * links, images and figures only, which is all the guide-level checks and the index read.
   * {@link LoadedGuide.wholePage} gives a page's whole tree. For `check`, which needs no
   * tree, and `build`, which needs those of the pages whose module it writes. Default: `false`.
   */
  outlines?: boolean | undefined
  /**
   * With `changed`: the guide's pages (relative to its folder, with `/`, sorted) as the
   * last load listed them ({@link LoadedGuide.paths}), when none was added or removed
   * since: the folder is not listed again. Default: list the folder.
   */
  paths?: readonly string[] | undefined
  /**
   * How many worker threads parse the pages when many need parsing (from 48, 24 a
   * thread). Default: one for each 100 pages, up to one a core.
   */
  threads?: number | undefined
  /** Called as pages are parsed (not those from a cache): how many, of how many. */
  onParsed?: ((done: number, total: number) => void) | undefined
}

/** A page as parsed on its own, before the guide is put together. */
export interface ParsedPage {
  /** The page's path in the guide's folder, with `/`. */
  path: string
  source: string
  file: VFile
  page: GuidePage | undefined
  /** The page's key in the cache folder, when there is one. */
  key?: string | undefined
  /** Whether `page` holds the page's outline, not its whole tree (see `outlines`). */
  outline?: boolean | undefined
  /** Whether this load parsed the page (it was in no cache, or not as it is now). */
  fresh?: boolean | undefined
}

/** Where a guide is: its `mkdocs.yml` (if any) and its folder of pages. */
export interface GuideLocation {
  /** The `mkdocs.yml`, absolute, or `undefined` for a plain folder of pages. */
  config: string | undefined
  /** The folder of the pages, absolute. */
  docs: string
}

/** A guide put together, with every file's messages. */
export interface LoadedGuide {
  /** The guide, or `undefined` when it has an error (a warning too, under `strict`). */
  guide: Guide | undefined
  /** The files with their messages: `mkdocs.yml` first (if any), then every page. */
  files: VFile[]
  /** Every page by absolute path, as parsed (for the Vite plugin's code frames). */
  pages: Map<string, ParsedPage>
  /** The guide's pages, relative to its folder with `/`, sorted: see `paths` of {@link LoadOptions}. */
  paths: readonly string[]
  /** The guide's cache, with `cacheDir`: `build` keeps its page modules there too. */
  cache?: PageCache | undefined
  location: GuideLocation
  strict: boolean
  /**
   * How many pages this load parsed, on how many threads (1: this one), and how many it
   * took from a cache (the Vite plugin's, or the folder of `cacheDir`) instead.
   */
  parsed: { count: number; threads: number; cached: number }
  /**
   * How many of the pages from the cache folder were taken by their file's stamp (its
   * size, times and inode as at the last load that read it), without reading the file.
   */
  unread: number
  /**
   * `page` (one of `guide.pages`) with its whole tree: the page itself, or, for a page
   * loaded as its outline, its tree read from the cache (parsed again if the cache lost
   * it) with what the guide gave the outline: `prev`, `next`, where its links lead, its
   * images' sizes.
   */
  wholePage(page: GuidePage): Promise<GuidePage>
}

/** Where the guide `target` (a folder, or an `mkdocs.yml`) keeps its config and pages. */
export function locateGuide(target: string, cwd = process.cwd()): GuideLocation {
  const path = resolve(cwd, target)
  if (/\.ya?ml$/i.test(path) && !isDirectory(path)) return { config: path, docs: dirname(path) }
  const config = ['mkdocs.yml', 'mkdocs.yaml']
    .map((name) => join(path, name))
    .find((file) => existsSync(file))
  return { config, docs: path }
}

/** Whether `file` (absolute) is the guide's `mkdocs.yml` or one of its pages. */
export function isGuideFile(location: GuideLocation, file: string): boolean {
  return file === location.config || (file.startsWith(location.docs + sep) && /\.md$/i.test(file))
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory()
}

/** Every `*.md` under `dir`, relative to it with `/`, sorted; dot files and folders left out. */
export function markdownFiles(dir: string): string[] {
  // Listed synchronously: the promise API waits on the thread pool for each folder, which
  // on a guide of hundreds of folders takes a few times longer.
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
  // Each folder's path relative to `dir` (`undefined` for one under a dot folder), worked
  // out once a folder rather than once a file.
  const folders = new Map<string, string | undefined>()
  const pages: string[] = []
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !/\.md$/i.test(entry.name) || !entry.isFile()) continue
    let folder = folders.get(entry.parentPath)
    if (!folders.has(entry.parentPath)) {
      const path = relative(dir, entry.parentPath).split(sep).join('/')
      folder = path.split('/').some((part) => part.startsWith('.')) ? undefined : path
      folders.set(entry.parentPath, folder)
    }
    if (folder !== undefined) pages.push(folder === '' ? entry.name : `${folder}/${entry.name}`)
  }
  return pages.sort()
}

/** The absolute paths of a listing of the guide's pages, made once a listing. */
const absolutesMade = new WeakMap<readonly string[], { docs: string; absolutes: string[] }>()

function absolutePaths(paths: readonly string[], docs: string): string[] {
  const known = absolutesMade.get(paths)
  if (known?.docs === docs) return known.absolutes
  const absolutes = paths.map((path) => join(docs, ...path.split('/')))
  absolutesMade.set(paths, { docs, absolutes })
  return absolutes
}

/** Whether `paths` (a listing of the guide's pages) has every page of `changed`. */
function listsChanged(
  paths: readonly string[],
  changed: ReadonlySet<string>,
  location: GuideLocation,
): boolean {
  const listed = new Set(paths)
  return [...changed].every(
    (file) =>
      !isGuideFile(location, file) ||
      file === location.config ||
      listed.has(relative(location.docs, file).split(sep).join('/')),
  )
}

/** Load the guide at `target`: a folder of pages, a folder with an `mkdocs.yml`, or the file. */
export async function loadGuide(target: string, options: LoadOptions = {}): Promise<LoadedGuide> {
  const cwd = options.cwd ?? process.cwd()
  const rules = options.rules ? checkRuleSettings(options.rules) : undefined
  const location = locateGuide(target, cwd)
  const store = options.cacheDir
    ? new PageCache(options.cacheDir, location.config ?? location.docs)
    : undefined
  const files: VFile[] = []
  let config: MkdocsConfig | undefined
  let configFile: VFile | undefined
  if (location.config) {
    configFile = new VFile({
      path: relative(cwd, location.config),
      value: await readFile(location.config, 'utf8'),
    })
    files.push(configFile)
    config = store ? await store.config(configFile, readMkdocs) : readMkdocs(configFile)
    location.docs = resolve(dirname(location.config), config.docsDir)
  }
  const strict = options.strict ?? config?.strict ?? false
  const parsed = new Map<string, ParsedPage>()
  const paths: readonly string[] =
    options.changed && options.paths && listsChanged(options.paths, options.changed, location)
      ? options.paths
      : isDirectory(location.docs)
        ? markdownFiles(location.docs)
        : []
  if (paths.length === 0) {
    const folder = new VFile({ path: relative(cwd, location.docs) || '.' })
    report(folder, 'No pages (`*.md`) in this folder', undefined, 'read')
    files.push(folder)
  }
  const processing = optionsKey(options)
  type Read = {
    path: string
    absolute: string
    bytes?: Buffer
    /** The page's text; for a page taken from the cache by its stamp, read when asked for. */
    source: string | (() => string)
    name: string
    known: ParsedPage | undefined
    /** The page's key, when its stamp gave it (the file was not read). */
    key?: string | undefined
    /** The file's stamp, taken before it was read, to keep with its key. */
    stamp?: string | undefined
  }
  // A load with a cache folder and nothing in memory (the CLI's, in a new process) takes
  // a page whose file has the stamp it had at the last load by the key it had then,
  // without reading it.
  const stamps = store && !options.cache ? await store.stamps(processing) : undefined
  const now = Date.now()
  // The pages read, in order; those taken from `cache` unread without waiting on anything
  // (a save in the Vite plugin takes thousands so).
  const read = new Array<Read>(paths.length)
  const reading: Promise<void>[] = []
  const absolutes = absolutePaths(paths, location.docs)
  paths.forEach((path, index) => {
    const absolute = absolutes[index]!
    const known = options.changed?.has(absolute) ? undefined : options.cache?.get(absolute)
    // A page taken from `cache` unread keeps the name it was read under.
    if (options.changed && known) {
      read[index] = { path, absolute, source: known.source, name: known.file.path!, known }
      return
    }
    const name = relative(cwd, absolute)
    let stamp: string | undefined
    if (stamps) {
      const stats = statSync(absolute, { bigint: true, throwIfNoEntry: false })
      const found = stats && stamps.get(absolute)
      if (stats && found?.stamp === fileStamp(stats) && found.name === name) {
        store!.stamp(absolute, found)
        read[index] = { path, absolute, source: fileText(absolute), name, known, key: found.key }
        return
      }
      if (stats && settledStamp(stats, now)) stamp = fileStamp(stats)
    }
    reading.push(
      readFile(absolute).then((bytes) => {
        read[index] = { path, absolute, bytes, source: bytes.toString('utf8'), name, known, stamp }
      }),
    )
  })
  await Promise.all(reading)
  // Each page from the Vite plugin's cache (same text), else from the disk cache (same
  // key), else parsed: those together, across threads when they are many.
  const found = new Array<ParsedPage | undefined>(read.length)
  const keys = new Array<string | undefined>(read.length)
  const jobs: { index: number; job: PageJob }[] = []
  const looking: Promise<void>[] = []
  let unread = 0
  read.forEach((entry, index) => {
    const { path, absolute, bytes, name, known } = entry
    // A page taken from the Vite plugin's cache unread keeps the key it was stored under.
    const key = bytes
      ? store?.key(bytes, { path: name, pagePath: path }, processing)
      : (entry.key ?? known?.key)
    keys[index] = key
    if (key !== undefined && entry.stamp !== undefined) {
      store!.stamp(absolute, { stamp: entry.stamp, name, key })
    }
    const cached = known ?? options.cache?.get(absolute)
    if (cached !== undefined && cached.source === entry.source) {
      found[index] = cached
      if (key !== undefined) store!.keep(key)
      return
    }
    looking.push(lookUp(entry, key, index))
  })
  await Promise.all(looking)

  /** A page not in `cache` as it is: from the cache folder, else a job to parse it. */
  async function lookUp(entry: Read, key: string | undefined, index: number): Promise<void> {
    const { path, name, source } = entry
    const outline = key !== undefined && options.outlines ? await store!.getOutline(key) : undefined
    if (outline) {
      found[index] = parsedPage(
        { path, outline: true },
        restoreParse(outline, name, source),
        source,
      )
      if (!entry.bytes) unread++
      return
    }
    const stored = key === undefined ? undefined : await store!.get(key)
    if (stored) {
      found[index] = parsedPage({ path }, restoreParse(stored, name, source), source)
      if (!entry.bytes) unread++
      if (options.outlines) store!.setOutline(key!, stored)
      return
    }
    // A page taken by its stamp whose entry is gone: read, and keyed by its bytes.
    if (!entry.bytes) {
      entry.bytes = await readFile(entry.absolute)
      entry.source = entry.bytes.toString('utf8')
      key = keys[index] = store!.key(entry.bytes, { path: name, pagePath: path }, processing)
      store!.stamp(entry.absolute, { ...stamps!.get(entry.absolute)!, key })
    }
    jobs.push({
      index,
      job: {
        bytes: entry.bytes,
        path: name,
        pagePath: path,
        // The thread that parses the page stores it; with outlines, it sends back
        // the outline only, and the whole tree is read from the cache when needed.
        ...(key === undefined
          ? {}
          : { entry: store!.entryFile(key), outline: options.outlines === true }),
      },
    })
  }
  jobs.sort((a, b) => a.index - b.index)
  const { parses, threads } = await parsePages(
    jobs.map(({ job }) => job),
    options,
    options.threads,
    options.onParsed && ((done) => options.onParsed!(done, jobs.length)),
  )
  jobs.forEach(({ index }, n) => {
    const { path, source, name } = read[index]!
    const { parse, outline } = parses[n]!
    found[index] = parsedPage(
      { path, fresh: true, ...(outline ? { outline } : {}) },
      restoreParse(parse, name, source),
      source,
    )
    const key = keys[index]
    if (key !== undefined && options.outlines) store!.setOutline(key, parse, outline)
  })
  // A load that knows which pages changed (and so read the others from `cache`, which
  // holds what the last load read) forgets the older versions of those pages, and of
  // pages gone since; any other load removes every entry it did not use.
  if (options.changed && options.cache) {
    const pages = new Set(read.map(({ absolute }) => absolute))
    const changed = options.changed
    await store?.forget(
      [...options.cache].flatMap(([absolute, { key }]) =>
        key !== undefined && (changed.has(absolute) || !pages.has(absolute)) ? [key] : [],
      ),
    )
  } else await store?.prune()
  if (options.outlines) await store?.saveOutlines()
  await store?.saveStamps()
  read.forEach(({ absolute }, index) => {
    const entry = found[index]!
    // A load that takes the page from `cache` does not parse it. A page it holds as it is
    // stays the same object.
    if (options.cache?.get(absolute) !== entry || entry.key !== keys[index]) {
      options.cache?.set(absolute, withFields(entry, { key: keys[index], fresh: undefined }))
    }
    // Guide-level messages go on a copy, so a cached page does not gather them twice. A
    // text not read yet is not read for it.
    const file = new VFile()
    file.history = [...entry.file.history]
    Object.defineProperty(file, 'value', Object.getOwnPropertyDescriptor(entry.file, 'value')!)
    file.messages = [...entry.file.messages]
    parsed.set(absolute, withFields(entry, { file, key: keys[index] }))
    files.push(file)
  })
  if (options.cache) {
    for (const key of options.cache.keys()) if (!parsed.has(key)) options.cache.delete(key)
  }

  const pages = [...parsed.values()]
  const built = pages.flatMap(({ page, file }) => (page ? [{ page, file }] : []))
  uniqueIds(built)
  const byPath = new Map(pages.map((entry) => [entry.path, entry]))
  const nav =
    config?.nav && configFile
      ? configNav(config.nav, byPath, configFile, location, cwd)
      : navFromFiles(built.map(({ page }) => page))
  const inNav = navPages(nav)
  const listed = new Set(inNav)
  const order = [...inNav, ...built.map(({ page }) => page.id).filter((id) => !listed.has(id))]
  if (config?.nav && configFile) {
    for (const { page } of built) {
      if (listed.has(page.id)) continue
      report(
        configFile,
        `The page \`${page.path}\` is built, but the \`nav\` does not list it`,
        config.navPlace,
        'page-not-in-nav',
      )
    }
  }
  const byId = new Map(built.map((entry) => [entry.page.id, entry.page]))
  const ordered = order.map((id) => byId.get(id)!)
  inNav.forEach((id, index) => {
    const page = byId.get(id)!
    // Set only when they differ: a page kept across loads keeps its fields' layout.
    setLink(page, 'prev', index > 0 ? inNav[index - 1] : undefined)
    setLink(page, 'next', index < inNav.length - 1 ? inNav[index + 1] : undefined)
  })
  for (const page of ordered) {
    if (listed.has(page.id)) continue
    setLink(page, 'prev', undefined)
    setLink(page, 'next', undefined)
  }
  resolveLinks(built, new Set(pages.flatMap((entry) => (entry.page ? [] : [entry.path]))))
  // A load in a new process takes the size of an image file whose stamp is the one kept.
  const imageStamps = stamps && {
    read: await store!.imageStamps(),
    keep: (path: string, stamp: ImageStamp) => store!.imageStamp(path, stamp),
  }
  await measureImages(built, location.docs, options.changed, imageStamps)
  if (imageStamps) await store!.saveImages()
  for (const file of files) applyRules(file, rules)
  const failed = files.some((file) => hasErrors(file, strict))
  const title = config?.siteName ?? ordered[0]?.title
  const guide = failed || title === undefined ? undefined : { title, nav, pages: ordered }
  return {
    guide,
    files,
    pages: parsed,
    paths,
    location,
    strict,
    parsed: { count: jobs.length, threads, cached: read.length - jobs.length },
    unread,
    cache: store,
    wholePage: async (page) => {
      const entry = parsed.get(join(location.docs, ...page.path.split('/')))
      if (!entry?.outline) return page
      const stored =
        (entry.key === undefined ? undefined : await store?.get(entry.key)) ??
        (await parseJob(
          { bytes: Buffer.from(entry.source), path: entry.file.path!, pagePath: entry.path },
          processorOptions(options),
        ))
      const whole = restoreParse(stored, entry.file.path!, entry.source).page
      if (!whole) throw new Error(`The page ${entry.file.path} no longer parses as it did`)
      return withGiven(whole, page)
    },
  }
}

/**
 * A function that reads the page file `absolute` (its text, as UTF-8) when first called,
 * and gives the same text after: the page's `source` and its file's `value` share it.
 */
export function fileText(absolute: string): () => string {
  let text: string | undefined
  return () => (text ??= readFileSync(absolute, 'utf8'))
}

/**
 * A page as parsed, of `fields`, its `file` and `page` (`restored`) and its `source`: a
 * text, or a function that reads it, called when `source` is first read.
 */
function parsedPage(
  fields: Omit<ParsedPage, 'source' | 'file' | 'page'>,
  restored: Pick<ParsedPage, 'file' | 'page'>,
  source: string | (() => string),
): ParsedPage {
  if (typeof source === 'string') return { ...fields, source, ...restored }
  const entry = { ...fields, ...restored } as ParsedPage
  lazyField(entry, 'source', source)
  return entry
}

/** `entry` with `fields`, its `source` still read only when first asked for. */
function withFields(entry: ParsedPage, fields: Partial<ParsedPage>): ParsedPage {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(entry)) as ParsedPage
  return Object.assign(copy, fields)
}

/** Set `page[key]` to `id`, or remove it for `undefined`, unless it is so already. */
function setLink(page: GuidePage, key: 'prev' | 'next', id: string | undefined): void {
  if (page[key] === id && (id !== undefined || !(key in page))) return
  if (id === undefined) delete page[key]
  else page[key] = id
  givenChanged(page)
}

/** What a nav entry takes from its page: its id and title, or nothing when there is none. */
type NavPageInfo = { id: string; title: string } | undefined

/**
 * The nav of `mkdocs.yml`'s `entries` over the pages `byPath`, the same array while the
 * entries are the same, each page they list has the same id and title, and nothing was
 * reported on it: a save that keeps the nav makes nothing again from it.
 */
const navsMade = new WeakMap<
  readonly NavEntry[],
  { pages: Map<string, NavPageInfo>; nav: NavItem[] }
>()

function samePages(pages: Map<string, NavPageInfo>, byPath: Map<string, ParsedPage>): boolean {
  for (const [path, info] of pages) {
    const page = byPath.get(path)?.page
    if (page?.id !== info?.id || page?.title !== info?.title) return false
  }
  return true
}

function configNav(
  entries: readonly NavEntry[],
  byPath: Map<string, ParsedPage>,
  file: VFile,
  location: GuideLocation,
  cwd: string,
): NavItem[] {
  const known = navsMade.get(entries)
  if (known && samePages(known.pages, byPath)) return known.nav
  const messages = file.messages.length
  const pages = new Map<string, NavPageInfo>()
  const nav = navFromConfig(entries, byPath, file, location, cwd, pages)
  if (file.messages.length === messages) navsMade.set(entries, { pages, nav })
  else navsMade.delete(entries)
  return nav
}

/** `whole` (a page's whole tree) with what the guide gave its outline `outline`. */
function withGiven(whole: GuidePage, outline: GuidePage): GuidePage {
  setLink(whole, 'prev', outline.prev)
  setLink(whole, 'next', outline.next)
  // The outline has every link and image of the tree, in the same order.
  const links = nodesOf<Link>(outline.tree, ['link'])
  nodesOf<Link>(whole.tree, ['link']).forEach((link, index) => {
    const pageLink = links[index]?.data?.pageLink
    if (pageLink) link.data = { ...link.data, pageLink }
    else if (link.data?.pageLink) delete link.data.pageLink
  })
  const images = localImages(outline.path, outline.tree)
  localImages(whole.path, whole.tree).forEach(({ node }, index) => {
    const given = images[index]?.node
    if (!given) return
    if (node.type === 'figure' && given.type === 'figure') {
      if (given.width !== undefined) node.width = given.width
      if (given.height !== undefined) node.height = given.height
    } else if (node.type === 'image' && given.data?.hProperties) {
      node.data = {
        ...node.data,
        hProperties: { ...node.data?.hProperties, ...given.data.hProperties },
      }
    }
  })
  return whole
}

/** Two pages with one id (given in frontmatter) is an error on the second. */
function uniqueIds(pages: readonly { page: GuidePage; file: VFile }[]): void {
  const seen = new Map<string, GuidePage>()
  for (const { page, file } of pages) {
    const other = seen.get(page.id)
    if (other) {
      report(
        file,
        `Page id \`${page.id}\` is also the id of \`${other.path}\`: give one of them another \`id\` in frontmatter`,
        { line: 1, column: 1 },
        'page-id-duplicate',
      )
    } else seen.set(page.id, page)
  }
}

/**
 * The nav `mkdocs.yml` writes, each page entry checked against the pages; `used` gets
 * what each entry took from its page.
 */
function navFromConfig(
  entries: readonly NavEntry[],
  byPath: Map<string, ParsedPage>,
  file: VFile,
  location: GuideLocation,
  cwd: string,
  used: Map<string, NavPageInfo>,
): NavItem[] {
  const items: NavItem[] = []
  for (const entry of entries) {
    if (entry.kind === 'group') {
      const children = navFromConfig(entry.children, byPath, file, location, cwd, used)
      if (children.length > 0) items.push({ title: entry.title, children })
    } else if (entry.kind === 'link') {
      if (isSafeUrl(entry.url)) items.push({ title: entry.title, url: entry.url })
      else {
        report(
          file,
          `Unsafe URL \`${entry.url.slice(0, 30)}\` in the \`nav\`: use \`http:\`, \`https:\` or \`mailto:\``,
          entry.place,
          'url-unsafe',
        )
      }
    } else {
      const path = posix.normalize(entry.file.replace(/^\.\//, ''))
      const found = byPath.get(path)
      used.set(path, found?.page && { id: found.page.id, title: found.page.title })
      if (!found) {
        report(
          file,
          `The \`nav\` lists \`${entry.file}\`, which is not in \`${relative(cwd, location.docs) || '.'}\`: the entry is left out`,
          entry.place,
          'nav-file',
        )
      } else if (found.page) {
        items.push({ title: entry.title ?? found.page.title, page: found.page.id })
      }
    }
  }
  return items
}

/** The nav of a folder without `mkdocs.yml`, as mkdocs makes it: `index` first, then by name; folders become groups. */
function navFromFiles(pages: readonly GuidePage[]): NavItem[] {
  const root: NavItem[] = []
  const groups = new Map<string, NavItem[]>([['', root]])
  const sorted = [...pages].sort((a, b) => compareFiles(a.path, b.path))
  for (const page of sorted) {
    const folders = page.path.split('/').slice(0, -1)
    let parent = root
    folders.forEach((folder, index) => {
      const key = folders.slice(0, index + 1).join('/')
      let group = groups.get(key)
      if (!group) {
        group = []
        groups.set(key, group)
        parent.push({ title: folderTitle(folder), children: group })
      }
      parent = group
    })
    parent.push({ title: page.title, page: page.id })
  }
  return root
}

/** Files before folders, `index.md` first, then by name. */
function compareFiles(a: string, b: string): number {
  const left = a.split('/')
  const right = b.split('/')
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const leftFile = index === left.length - 1
    const rightFile = index === right.length - 1
    if (left[index] === right[index]) continue
    if (leftFile !== rightFile) return leftFile ? -1 : 1
    if (leftFile && left[index] === 'index.md') return -1
    if (rightFile && right[index] === 'index.md') return 1
    return left[index]! < right[index]! ? -1 : 1
  }
  return left.length - right.length
}

/** `load-testing` → `Load testing`, as mkdocs titles a folder. */
function folderTitle(folder: string): string {
  const title = folder.replace(/[-_]/g, ' ')
  return title === title.toLowerCase() ? title.charAt(0).toUpperCase() + title.slice(1) : title
}

/** The page ids of `nav`, in order, each once. */
export function navPages(nav: readonly NavItem[]): string[] {
  const ids = new Set<string>()
  const walk = (items: readonly NavItem[]): void => {
    for (const item of items) {
      if ('page' in item) {
        ids.add(item.page)
      } else if ('children' in item) walk(item.children)
    }
  }
  walk(nav)
  return [...ids]
}

/** The name a guide goes by in messages: its `mkdocs.yml`, or its folder. */
export function guideName(location: GuideLocation, cwd = process.cwd()): string {
  return relative(cwd, location.config ?? location.docs) || basename(location.docs)
}
