/**
 * What a page parsed to, kept on disk between runs, so a build or a check of a guide
 * parses again only the pages that changed.
 *
 * An entry is found by a key that names everything its page's parse depends on: the
 * page's bytes, its path in the guide and in messages, the options (limits, rule
 * settings) and the pipeline itself (this package's code and the versions of the
 * libraries it runs). The guide-level work (nav, `prev`/`next`, the links between pages,
 * the images each page names) is not in the entries: a load of the whole guide runs it
 * over every page, so a changed section id on one page re-checks the links that point at
 * it from the others. The CLI's `check` and `build` also keep what it gave each page in a
 * record of their last load (`last-load.ts`), which the next load takes when only pages'
 * bodies changed, as then it is the same for every other page.
 *
 * Each guide has a folder of its own in the cache folder; a load removes the entries of
 * its guide that it did not use (older versions of its pages), so the folder holds one
 * entry per page. Writes go through a temporary file renamed into place, and an entry
 * that cannot be read is parsed again, so two runs side by side are safe.
 *
 * Beside the entries, sixteen files hold every page's outline ({@link outlineParse}):
 * what the guide-level checks and the index read of a page, a fraction of its tree. A
 * load that needs no page's whole tree (`check`, and `build` for the pages whose module
 * is written already) reads those files instead of an entry a page.
 *
 * And a file of stamps gives each page's key by its file's stat ({@link fileStamp}), so a
 * load in a new process finds an unchanged page's entry without reading the page; another
 * gives each image file's size and the hash of its bytes by its stat, so a load (and a
 * build) in a new process reads no image that did not change.
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  type BigIntStats,
} from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import type { Node, Parent, Point, Position } from 'unist'
import type { ProcessorOptions } from '../parse/index.js'
import type { Figure, GuidePage, GuideRoot } from '../types.js'
import { nodesOf, withoutPositions } from './walk.js'

/** A message as stored: what the reporters print of it. */
export interface StoredMessage {
  reason: string
  place?: Point | Position | undefined
  ruleId?: string | undefined
  source?: string | undefined
  fatal?: boolean | undefined
  note?: string | undefined
  url?: string | undefined
}

/** A parsed page as stored, or as a worker thread sends it back. */
export interface StoredParse {
  page?: Omit<GuidePage, 'sections' | 'figures'> | undefined
  messages: StoredMessage[]
}

/** The nodes the checks of a whole guide report on, which keep their positions in the cache. */
const reported = ['link', 'image', 'figure']

/**
 * A parse as it can be stored: its page without what is derived from the tree, and
 * without positions but where the checks of the whole guide report.
 */
export function storeParse(file: VFile, page: GuidePage | undefined): StoredParse {
  let stored: StoredParse['page']
  if (page) {
    const { sections: _sections, figures: _figures, ...rest } = page
    // Positions only where the guide-level checks report: links, images, figures.
    stored = withoutPositions(rest, (node) => reported.includes(node.type))
  }
  return {
    ...(stored ? { page: stored } : {}),
    messages: storeMessages(file),
  }
}

/** The messages of `file` as stored. */
export function storeMessages(file: VFile): StoredMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    place: message.place ?? undefined,
    ruleId: message.ruleId ?? undefined,
    source: message.source ?? undefined,
    fatal: message.fatal ?? undefined,
    note: message.note ?? undefined,
    url: message.url ?? undefined,
  }))
}

/** Put stored messages back on `file`. */
export function restoreMessages(file: VFile, messages: readonly StoredMessage[]): void {
  for (const { reason, place, ruleId, source: from, fatal, note, url } of messages) {
    const message = file.message(reason, { place, ruleId, source: from })
    message.fatal = fatal
    if (note !== undefined) message.note = note
    if (url !== undefined) message.url = url
  }
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The node types an outline keeps whole: what the guide-level checks and the index read. */
const outlined = new Set(['heading', 'image', 'figure'])

/** The node types an outline keeps with their fields, but only the children it keeps. */
const outlinedParents = new Set(['root', 'section', 'link', 'linkReference'])

/**
 * The outline of a stored parse: its page's tree with only its sections, headings,
 * links (without their text), images and figures, each where it was (inside the same
 * sections, and in the same order), and the other nodes on the way to them reduced to
 * their type. Walked for links, images, figures or headings, an outline gives what the
 * whole tree gives; a section's direct children are still its direct children (the index
 * lists those headings).
 */
export function outlineParse(stored: StoredParse): StoredParse {
  if (!stored.page) return stored
  return { ...stored, page: { ...stored.page, tree: outlineNode(stored.page.tree) as GuideRoot } }
}

function outlineNode(node: Node): Node | undefined {
  if (outlined.has(node.type)) return node
  const children = (node as Partial<Parent>).children
  if (!children) return undefined
  const kept = children.flatMap((child) => outlineNode(child) ?? [])
  if (outlinedParents.has(node.type)) return { ...node, children: kept } as Parent
  return kept.length === 0 ? undefined : ({ type: node.type, children: kept } as Parent)
}

/** A stored parse back as a page and a file (named `path`, holding `source`) with its messages. */
export function restoreParse(
  stored: StoredParse,
  path: string,
  source: string | (() => string),
): { file: VFile; page: GuidePage | undefined } {
  const file = new VFile(typeof source === 'string' ? { path, value: source } : { path })
  if (typeof source !== 'string') lazyField(file, 'value', source)
  restoreMessages(file, stored.messages)
  if (!stored.page) return { file, page: undefined }
  const tree = stored.page.tree as GuideRoot
  const figures = [...nodesOf<Figure>(tree, ['figure'])]
  const page: GuidePage = { ...stored.page, tree, sections: tree.children, figures }
  for (const key of Object.keys(page) as (keyof GuidePage)[]) {
    if (page[key] === undefined) delete page[key]
  }
  return { file, page }
}

/**
 * Make `object[key]` the result of `read`, called each time the field is read (setting
 * the field replaces it): a page taken from the cache by its stamp is read only if its
 * text is asked for. `read` keeps what it read, as the page and its file share it.
 */
export function lazyField(object: object, key: string, read: () => string): void {
  Object.defineProperty(object, key, {
    get: read,
    set(this: object, given: unknown) {
      Object.defineProperty(this, key, {
        value: given,
        writable: true,
        enumerable: true,
        configurable: true,
      })
    },
    enumerable: true,
    configurable: true,
  })
}

/**
 * A page file's stamp: its size, modification and change times (in nanoseconds) and its
 * inode. Any write to the file changes its change time, which no tool can set back.
 */
export function fileStamp(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`
}

/**
 * Whether a stamp taken at `now` (milliseconds since the epoch) may be kept: the file
 * had not changed for two seconds, so a write after the stat gives it another change
 * time. A file written in the same tick of the file system's clock as it was stamped
 * could otherwise keep its stamp with other bytes; it is stamped at a later load (git's
 * index has the same rule for the same reason).
 */
export function settledStamp(stats: BigIntStats, now: number): boolean {
  return Number(stats.ctimeMs) < now - 2000 && Number(stats.mtimeMs) < now - 2000
}

/** A page's stamp as kept: its file's stamp, its name in messages, and its key. */
export interface PageStamp {
  stamp: string
  name: string
  key: string
}

/** The processor's own options, out of the loader's (which a worker cannot be sent). */
export function processorOptions(options: Readonly<ProcessorOptions>): ProcessorOptions {
  const { maxBytes, maxNesting, maxDelimiters, chunkLength, rules } = options
  return { maxBytes, maxNesting, maxDelimiters, chunkLength, rules }
}

/** What, besides the page's own bytes and paths, a parse depends on. */
export function optionsKey(options: Readonly<ProcessorOptions>): string {
  return JSON.stringify(processorOptions(options))
}

let pipeline: string | undefined

/**
 * The version of the pipeline: a hash of this package's code (its `dist` or, run from
 * its sources, its `src`; the generated guide left out) and of the versions of the
 * libraries it depends on, as installed. Any change to them makes every entry stale.
 */
export function pipelineVersion(): string {
  if (pipeline !== undefined) return pipeline
  const hash = createHash('sha256')
  const code = codeFolder()
  const root = dirname(code)
  for (const file of code === fileURLToPath(import.meta.url) ? [code] : codeFiles(code)) {
    hash.update(relative(code, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  const manifestFile = join(root, 'package.json')
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as {
        version?: string
        dependencies?: Record<string, string>
      })
    : {}
  hash.update(manifest.version ?? '')
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) {
    hash.update(`\0${name}@${installedVersion(root, name) ?? '?'}`)
  }
  pipeline = hash.digest('hex').slice(0, 16)
  return pipeline
}

/**
 * The folder of this package's code that this module runs from: its `dist` (built) or
 * its `src` (run from its sources, as its tests and its own build do); bundled into
 * something else, this module's own file.
 */
export function codeFolder(): string {
  const file = fileURLToPath(import.meta.url)
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    const name = dir.slice(dirname(dir).length + 1)
    if ((name === 'dist' || name === 'src') && existsSync(join(dirname(dir), 'package.json'))) {
      return dir
    }
  }
  return file
}

/** The package's own code under `dir`: every module but the guide it compiles. */
function codeFiles(dir: string): string[] {
  const files: string[] = []
  const walk = (folder: string, top: boolean): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) {
        if (!['generated', 'pages', 'llms'].includes(entry.name)) walk(path, false)
      } else if (/\.(js|ts)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) {
        // The built main entry holds the guide's data, not code of the pipeline.
        if (!(top && entry.name === 'index.js')) files.push(path)
      }
    }
  }
  walk(dir, true)
  return files
}

/** The version of the dependency `name` as Node.js would find it from `root`. */
function installedVersion(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', ...name.split('/'), 'package.json')
    if (existsSync(manifest)) {
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
    }
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * Write `text` into the cache file `file` (its folder made if need be) through a
 * temporary file renamed into place, so a reader never sees half a file.
 */
export async function writeEntry(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temporary = temporaryName(file)
  await writeFile(temporary, text)
  await rename(temporary, file)
}

/**
 * {@link writeEntry} on this thread: for a worker thread, which has nothing else to do
 * meanwhile (waiting on the thread pool would leave its core idle between pages).
 */
export function writeEntrySync(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = temporaryName(file)
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

const temporaryName = (file: string): string =>
  `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`

/** The files of outlines: one a first hex digit of the keys. */
const shards = [...'0123456789abcdef']
const outlinePrefix = 'outlines-'
const outlineFile = (shard: string): string => `${outlinePrefix}${shard}.json`

/** The entry of the guide's `mkdocs.yml`. */
const configFile = 'mkdocs.json'

/** The file of the pages' stamps. */
const stampsFile = 'stamps.json'

/** The file of the images' stamps. */
const imagesFile = 'images.json'

/** The files of what the last load of each kind left ({@link PageCache.lastLoad}). */
const lastLoadPrefix = 'last-'
const lastLoadFile = (kind: string): string => `${lastLoadPrefix}${kind}.json`

/**
 * An image file's stamp as kept: its file's stamp ({@link fileStamp}), the size read from
 * its header, and the hash of its bytes once a build has named it after them.
 */
export interface ImageStamp {
  stamp: string
  width: number
  height: number
  hash?: string | undefined
}

/** What {@link imagesFile} holds: for the pipeline `context`, each image's stamp. */
interface StoredImages {
  context: string
  /** By the image's absolute path: its file's stamp, width, height and hash (or `""`). */
  images: Record<string, [string, number, number, string]>
}

/** What {@link stampsFile} holds: for the pipeline and options `context`, each page's stamp. */
interface StoredStamps {
  context: string
  /** By the page's absolute path: its file's stamp, its name in messages, its key. */
  pages: Record<string, [string, string, string]>
}

/** What `mkdocs.yml` says, as the cache keeps it under its text. */
interface StoredConfig {
  key: string
  value: unknown
  messages: StoredMessage[]
}

/**
 * The last config each cache's entry gave in this process, by the entry's file: a load
 * again over the same `mkdocs.yml` (the Vite plugin's, on each save) gets the same object.
 */
const configsRead = new Map<string, StoredConfig>()

/** The cache of one guide's pages, in the folder `dir`. */
export class PageCache {
  readonly #dir: string
  readonly #used = new Set<string>()
  #outlines: Map<string, StoredParse> | undefined
  #reading: Promise<Map<string, StoredParse>> | undefined
  readonly #changedShards = new Set<string>()
  #stamps:
    { context: string; read: Map<string, PageStamp>; kept: Map<string, PageStamp> } | undefined
  #images:
    { context: string; read: Map<string, ImageStamp>; kept: Map<string, ImageStamp> } | undefined

  /** The cache of the guide `guide` (its `mkdocs.yml`, or its folder), in the cache folder `dir`. */
  constructor(dir: string, guide: string) {
    const name = digest(guide.split(sep).join('/'))
    this.#dir = join(dir, name.slice(0, 16))
  }

  /** The key of a page's parse. */
  key(bytes: Uint8Array, paths: { path: string; pagePath: string }, options: string): string {
    return createHash('sha256')
      .update(pipelineVersion())
      .update('\0')
      .update(options)
      .update('\0')
      .update(paths.path)
      .update('\0')
      .update(paths.pagePath)
      .update('\0')
      .update(bytes)
      .digest('hex')
      .slice(0, 32)
  }

  /**
   * `read(file)`: what the guide's `mkdocs.yml` (`file`) says, with its messages on
   * `file`, kept under the file's text and the pipeline's version (a nav of thousands of
   * pages takes YAML a while to read).
   */
  async config<T>(file: VFile, read: (file: VFile) => T): Promise<T> {
    const entry = join(this.#dir, configFile)
    const key = digest(`${pipelineVersion()}\0${String(file.value)}`)
    // The same text as this process read last: the same object, not read again.
    const known = configsRead.get(entry)
    if (known?.key === key) {
      restoreMessages(file, known.messages)
      return known.value as T
    }
    try {
      const stored = JSON.parse(await readFile(entry, 'utf8')) as StoredConfig
      if (stored.key === key) {
        configsRead.set(entry, stored)
        restoreMessages(file, stored.messages)
        return stored.value as T
      }
    } catch {
      // None yet, or one that cannot be read: read the file.
    }
    const value = read(file)
    const stored: StoredConfig = { key, value, messages: storeMessages(file) }
    await writeEntry(entry, JSON.stringify(stored))
    configsRead.set(entry, stored)
    return value
  }

  /**
   * The pages' stamps that the last load kept under the options `options` (and this
   * pipeline), by absolute path: none for other options. Read once, and starts the stamps
   * this load keeps ({@link stamp}, written by {@link saveStamps}).
   */
  async stamps(options: string): Promise<ReadonlyMap<string, PageStamp>> {
    if (this.#stamps) return this.#stamps.read
    const context = `${pipelineVersion()}\0${options}`
    const read = await this.#readStamps(
      stampsFile,
      context,
      'pages',
      ([stamp, name, key]: StoredStamps['pages'][string]): PageStamp => ({ stamp, name, key }),
    )
    this.#stamps = { context, read, kept: new Map() }
    return read
  }

  /**
   * The stamps kept in the file `name` for `context`, by absolute path (its record
   * `field`, each made into a stamp by `stamp`): none when there is no such file, when it
   * cannot be read, or when it was kept for another context (every file is read then).
   */
  async #readStamps<Fields, Stamp>(
    name: string,
    context: string,
    field: string,
    stamp: (fields: Fields) => Stamp,
  ): Promise<Map<string, Stamp>> {
    const read = new Map<string, Stamp>()
    try {
      const stored = JSON.parse(await readFile(join(this.#dir, name), 'utf8')) as Record<
        string,
        unknown
      >
      const entries = stored[field]
      if (stored.context !== context || typeof entries !== 'object' || entries === null) return read
      for (const [path, fields] of Object.entries(entries as Record<string, Fields>)) {
        read.set(path, stamp(fields))
      }
    } catch {
      read.clear()
    }
    return read
  }

  /** Keep the stamp of the page `path` (absolute) for the next load. */
  stamp(path: string, stamp: PageStamp): void {
    this.#stamps?.kept.set(path, stamp)
  }

  /** Write the stamps kept since {@link stamps}, when they differ from those it read. */
  async saveStamps(): Promise<void> {
    if (!this.#stamps) return
    const { context, read, kept } = this.#stamps
    const same =
      read.size === kept.size &&
      [...kept].every(([path, { stamp, name, key }]) => {
        const before = read.get(path)
        return before?.stamp === stamp && before.name === name && before.key === key
      })
    if (same) return
    const pages: StoredStamps['pages'] = {}
    for (const [path, { stamp, name, key }] of kept) pages[path] = [stamp, name, key]
    await writeEntry(join(this.#dir, stampsFile), JSON.stringify({ context, pages }))
  }

  /**
   * The image files' stamps that the last load kept with this pipeline, by absolute
   * path. Read once, and starts the stamps this load keeps ({@link imageStamp}, written
   * by {@link saveImages}).
   */
  async imageStamps(): Promise<ReadonlyMap<string, ImageStamp>> {
    if (this.#images) return this.#images.read
    const context = pipelineVersion()
    const read = await this.#readStamps(
      imagesFile,
      context,
      'images',
      ([stamp, width, height, hash]: StoredImages['images'][string]): ImageStamp => ({
        stamp,
        width,
        height,
        hash: hash === '' ? undefined : hash,
      }),
    )
    this.#images = { context, read, kept: new Map() }
    return read
  }

  /** Keep the stamp of the image file `path` (absolute) for the next load. */
  imageStamp(path: string, stamp: ImageStamp): void {
    this.#images?.kept.set(path, stamp)
  }

  /** The hash of the bytes of the image file `path` (absolute), if its stamp gives it. */
  imageHash(path: string): string | undefined {
    return this.#images?.kept.get(path)?.hash
  }

  /** Keep `hash` as the hash of the bytes of the image file `path`, if it is stamped. */
  setImageHash(path: string, hash: string): void {
    const kept = this.#images?.kept.get(path)
    if (kept) this.#images!.kept.set(path, { ...kept, hash })
  }

  /** Write the image stamps kept since {@link imageStamps}, when they differ from those it read. */
  async saveImages(): Promise<void> {
    if (!this.#images) return
    const { context, read, kept } = this.#images
    const same =
      read.size === kept.size &&
      [...kept].every(([path, { stamp, hash }]) => {
        const before = read.get(path)
        return before?.stamp === stamp && before.hash === hash
      })
    if (same) return
    const images: StoredImages['images'] = {}
    for (const [path, { stamp, width, height, hash }] of kept) {
      images[path] = [stamp, width, height, hash ?? '']
    }
    await writeEntry(join(this.#dir, imagesFile), JSON.stringify({ context, images }))
    // What the file holds now: a build saves again once it has hashed the images.
    this.#images = { context, read: new Map(kept), kept }
  }

  /** The stamp of the image file `path` (absolute) that this load keeps, if it keeps one. */
  imageStampOf(path: string): string | undefined {
    return this.#images?.kept.get(path)?.stamp
  }

  /**
   * What the last load of the kind `kind` (`check`, `build`) left with {@link saveLastLoad},
   * if it can be read: the caller checks that it is for the same pipeline and options.
   */
  async lastLoad(kind: string): Promise<unknown> {
    try {
      return JSON.parse(await readFile(join(this.#dir, lastLoadFile(kind)), 'utf8')) as unknown
    } catch {
      return undefined
    }
  }

  /** Keep `record` as what this load of the kind `kind` leaves to the next ({@link lastLoad}). */
  async saveLastLoad(kind: string, record: unknown): Promise<void> {
    await writeEntry(join(this.#dir, lastLoadFile(kind)), JSON.stringify(record))
  }

  /** Keep the entry under `key` (a page this load has in memory already). */
  keep(key: string): void {
    this.#used.add(key)
  }

  /** The parse stored under `key`, if any (one that cannot be read counts as none). */
  async get(key: string): Promise<StoredParse | undefined> {
    this.#used.add(key)
    try {
      return JSON.parse(await readFile(join(this.#dir, `${key}.json`), 'utf8')) as StoredParse
    } catch {
      return undefined
    }
  }

  /** Store `parse` under `key`. */
  async set(key: string, parse: StoredParse): Promise<void> {
    this.#used.add(key)
    await writeEntry(this.entryFile(key), JSON.stringify(parse))
  }

  /**
   * The file of the entry under `key`, for a worker thread to write with
   * {@link writeEntry} (the entry counts as used).
   */
  entryFile(key: string): string {
    this.#used.add(key)
    return join(this.#dir, `${key}.json`)
  }

  /** The text stored under `key` with {@link setText}, if any. */
  async getText(key: string): Promise<string | undefined> {
    this.#used.add(key)
    try {
      return await readFile(join(this.#dir, `${key}.txt`), 'utf8')
    } catch {
      return undefined
    }
  }

  /** Store `text` under `key` (an output made from pages, as `build` keeps each page's module). */
  async setText(key: string, text: string): Promise<void> {
    this.#used.add(key)
    await writeEntry(join(this.#dir, `${key}.txt`), text)
  }

  /**
   * The outline of the parse stored under `key` ({@link outlineParse}), if the guide's
   * files of outlines have it. They are read once, on the first call.
   */
  async getOutline(key: string): Promise<StoredParse | undefined> {
    this.#reading ??= this.#readOutlines()
    const outline = (await this.#reading).get(key)
    if (outline) this.#used.add(key)
    return outline
  }

  async #readOutlines(): Promise<Map<string, StoredParse>> {
    const read = new Map<string, StoredParse>()
    await Promise.all(
      shards.map(async (shard) => {
        try {
          const text = await readFile(join(this.#dir, outlineFile(shard)), 'utf8')
          for (const [key, outline] of Object.entries(
            JSON.parse(text) as Record<string, StoredParse>,
          )) {
            if (key.startsWith(shard)) read.set(key, outline)
          }
        } catch {
          // None yet, or one that cannot be read: those pages come from their entries.
        }
      }),
    )
    // Those set while the files were read stay.
    for (const [key, outline] of this.#outlines ?? []) read.set(key, outline)
    this.#outlines = read
    return read
  }

  /**
   * Keep the outline of `parse` (the outline itself, when `outlined`) under `key`, for
   * {@link saveOutlines} to write.
   */
  setOutline(key: string, parse: StoredParse, outlined = false): void {
    this.#outlines ??= new Map()
    if (this.#outlines.has(key)) return
    this.#outlines.set(key, outlined ? parse : outlineParse(parse))
    this.#changedShards.add(key.charAt(0))
  }

  /**
   * Write the guide's files of outlines (one a first digit of their keys, so a page that
   * changed rewrites two of sixteen) with those of the entries used since this cache was
   * made: those that changed (a page was parsed, or an outline is no longer used).
   */
  async saveOutlines(): Promise<void> {
    const outlines = this.#outlines
    if (outlines === undefined) return
    for (const key of outlines.keys()) {
      if (this.#used.has(key)) continue
      outlines.delete(key)
      this.#changedShards.add(key.charAt(0))
    }
    const changed = [...this.#changedShards]
    this.#changedShards.clear()
    await Promise.all(
      changed.map((shard) =>
        writeEntry(
          join(this.#dir, outlineFile(shard)),
          JSON.stringify(
            Object.fromEntries([...outlines].filter(([key]) => key.startsWith(shard))),
          ),
        ),
      ),
    )
  }

  /**
   * Remove the parses of `keys` that were not used since this cache was made: for a load
   * that knows which pages changed, their older versions, without listing the folder.
   */
  async forget(keys: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(keys)]
        .filter((key) => !this.#used.has(key))
        .map((key) => rm(join(this.#dir, `${key}.json`), { force: true })),
    )
  }

  /**
   * Remove the entries of one kind (`json`: parses; `txt`: texts) that were not used since
   * this cache was made: older versions of its pages.
   */
  async prune(kind: 'json' | 'txt' = 'json'): Promise<void> {
    let names: string[]
    try {
      names = await readdir(this.#dir)
    } catch {
      return
    }
    const extension = `.${kind}`
    await Promise.all(
      names
        .filter(
          (name) =>
            name.endsWith(extension) &&
            !name.startsWith(outlinePrefix) &&
            !name.startsWith(lastLoadPrefix) &&
            name !== configFile &&
            name !== stampsFile &&
            name !== imagesFile &&
            !this.#used.has(name.slice(0, -extension.length)),
        )
        .map((name) => rm(join(this.#dir, name), { force: true })),
    )
  }
}
