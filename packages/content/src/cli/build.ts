/**
 * `ai-engineer-content build <dir | mkdocs.yml> --out <dir>`: what the package's own build
 * writes, for a project that does not use Vite. `index.js` is a module with the main
 * entry's API: the guide's index (`guideIndex`, `pageIds`, `sectionIds`, `figureIds`) and
 * `loadPage`, which imports one page's module (`pages/<id>.js`) on demand, and the
 * whole-guide API (`guide`, `getPage`, `getSection`, `getFigure`) from `#guide`: in
 * Node.js `guide.node.js`, which loads a page's module when first asked for it, and
 * elsewhere `guide.js`, which a bundler leaves out of an app that does not use it (the
 * folder's `package.json` maps it; it imports the page modules). `runtime.js` gives them
 * their API, and `index.d.ts` types it by the guide's literal ids. On an error nothing is
 * written; a build over an earlier one writes only the files that changed.
 */
import { existsSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, posix, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { VFile } from 'vfile'
import type { Guide, GuidePage } from '../types.js'
import {
  declarationSource,
  eagerImportsSource,
  guideIds,
  guideName,
  indexSource,
  isImage,
  syncSource,
  indexDataSource,
  indexJsonSource,
  loadGuide,
  localImages,
  nodesOf,
  guideGiven,
  givenVersion,
  pipelineVersion,
  pageData,
  pageEntryJson,
  pageFields,
  pageJson,
  pageSource,
  missed,
  parsedAfterMiss,
  quickLoad,
  saveLastLoad,
  saveQuickLoad,
  type GuideLocation,
  type ImageReference,
  type LastBuild,
  type LoadedGuide,
  type LoadOptions,
  type PageCache,
  type PageJson,
  type QuickMiss,
} from '../guide/index.js'
import type { PageData } from '../runtime/index.js'

/** The runtime that the written module imports, built alone beside this file in `dist/`. */
const runtime = fileURLToPath(new URL('./runtime.js', import.meta.url))

/**
 * The output folder's `package.json`: its modules are ES modules; where Node.js loads them
 * (`module-sync`: Node.js sets it, bundlers leave it to Node.js) `#guide`, the whole-guide
 * API, is `guide.node.js` and `#index`, the index's data, is read from `index.json`;
 * anywhere else they are `guide.js` and `index-data.js`, modules a bundler can shake.
 */
const outPackage = {
  type: 'module',
  sideEffects: false,
  imports: {
    '#guide': { 'module-sync': './guide.node.js', default: './guide.js' },
    '#index': { 'module-sync': './index-data.node.js', default: './index-data.js' },
  },
}

/**
 * The file in the output folder that lists what the build wrote (each file with a digest
 * of what it was made from), so the next build writes only the files that changed.
 */
export const buildInfoFile = '.ai-engineer-content.json'

/** What {@link buildInfoFile} holds. */
interface BuildInfo {
  /** The pipeline's version: another version writes every file again. */
  version: string
  /**
   * A digest of what the files made from the index ({@link ownFiles}) were made from: while
   * it is the same and they are there, a build in a new process does not make them again.
   */
  own?: string | undefined
  files: Record<string, string>
}

/** What {@link buildGuide} did. */
export interface BuildResult {
  /**
   * The guide as loaded whole; `undefined` when the build took the rest of the guide from
   * the last build's record (in a new process, after an edit of pages' bodies).
   */
  loaded: LoadedGuide | undefined
  /** Every file with its messages: `mkdocs.yml` first (if any), then every page. */
  files: VFile[]
  /** How many pages the guide has. */
  pages: number
  parsed: LoadedGuide['parsed']
  /** Every file of the output, when it was written: none when the guide has errors. */
  written: string[]
  /** The files of `written` this build wrote (or removed); the others were up to date. */
  changed: string[]
}

/**
 * Load the guide at `target` and, when it has no error, write it into `out`. A first
 * build writes the folder whole, through a folder beside it renamed into place; a build
 * into a folder that an earlier build wrote (it lists its files in {@link buildInfoFile})
 * writes only the files whose sources changed, each through a temporary file, and
 * removes those the guide no longer has. With a cache (`cacheDir`), the pages it holds
 * are loaded as outlines, and made whole only when their module is written; and a build
 * in a new process after an edit of pages' bodies takes the rest of the guide from the
 * last build's record (`quickLoad`), when that build wrote `out`.
 */
export async function buildGuide(
  target: string,
  out: string,
  options: LoadOptions,
): Promise<BuildResult> {
  const quick = await quickBuild(target, out, options)
  if (!('missed' in quick)) return quick
  // Outlines from the cache folder; pages kept in memory (`cache`) are whole already.
  const loaded = await loadGuide(target, {
    ...options,
    outlines: options.cacheDir !== undefined && options.cache === undefined,
  })
  const result = { loaded, files: loaded.files, parsed: parsedAfterMiss(loaded.parsed, quick) }
  if (!loaded.guide) return { ...result, pages: 0, written: [], changed: [] }
  const header = headerOf(loaded.location)
  const { guide, cache } = loaded
  const docs = loaded.location.docs
  const asset = assetNamer(docs, cache)
  const assets = new Map<string, string>()
  const imagesOf = new Map(guide.pages.map((page) => [page.id, localImages(page.path, page.tree)]))
  // With `changed` (`build --watch`), an image file named before and not changed since
  // keeps the name it was given then, without being read and hashed again.
  // The files are read a few at a time, and named in the order the pages name them.
  const { changed } = options
  const imageFiles = [
    ...new Set([...imagesOf.values()].flatMap((images) => images.map(({ file }) => file))),
  ]
  const names = new Map<string, string | undefined>()
  await inParallel(
    imageFiles.map((file) => async () => {
      const path = join(docs, ...file.split('/'))
      let name = changed && !changed.has(path) ? assetNames.get(path) : undefined
      if (name === undefined && isImage(docs, file)) name = await asset(file)
      names.set(file, name)
      if (name !== undefined) assetNames.set(path, name)
    }),
    16,
  )
  for (const file of imageFiles) {
    const name = names.get(file)
    if (name !== undefined) assets.set(file, name)
  }
  await cache?.saveImages()

  const destination = resolve(out)
  const previous = await readBuildInfo(destination)
  const version = pipelineVersion()
  const update = previous?.version === version
  // What the folder holds: a file of the list that is gone is written again.
  const present = update ? await listFolder(destination) : undefined
  // Each file of the output, with the digest of what it is made from, and its text when
  // it has to be written (a page module that is up to date is not made again).
  const files = new Map<string, BuildFile>()
  // The index reads titles and headings only: the pages' own trees, not copied. Its JSON
  // is `JSON.stringify(guideIndex(…))`, each page's entry made once a page.
  const indexJson = `{"title":${JSON.stringify(guide.title)},"nav":${JSON.stringify(guide.nav)},"pages":[${guide.pages.map(pageEntryJson).join(',')}]}`
  // The files made from the index (all but the pages' modules, the images and the
  // runtime): made again only when it changed since the last build in this process, or,
  // in a new process, since the build that wrote the folder (its list keeps a digest of it).
  const ownKey = `${header}\0${indexJson}`
  const kept = lastOwn?.key === ownKey ? lastOwn : undefined
  const own = kept?.own ?? digest(ownKey)
  if (!kept && update && previous.own === own && ownFilesPresent(previous, present)) {
    // Written by an earlier build from the same index: their digests are all it needs.
    for (const name of ownNames) files.set(name, { digest: previous.files[name]! })
  } else {
    lastOwn = kept ?? { key: ownKey, own, files: ownFiles({ guide, indexJson, header }) }
    for (const [name, file] of lastOwn.files) files.set(name, file)
  }
  const entries = new Map([...loaded.pages.values()].map((entry) => [entry.path, entry]))
  const output = new OutputFolder(destination, update ? previous : undefined, present)
  // What the next build in a new process takes from this one (a build that keeps its
  // pages in memory, `build --watch`'s, leaves none).
  const builds = new Map<string, LastBuild>()
  const written = await writeBuild(
    output,
    files,
    { version, own },
    assets,
    docs,
    async (write) => {
      // Each page's module is written as soon as it is made, a few pages at a time, so the
      // modules of a guide of thousands of pages are never all held at once.
      await inParallel(
        guide.pages.map((page) => async () => {
          const { key: parse, fresh } = entries.get(page.path)!
          const images = imagesOf.get(page.id)!
          const module = await write({
            page,
            parse,
            images,
            fresh: fresh === true,
            whole: async () => {
              const whole = await loaded.wholePage(page)
              return { page: whole, own: whole !== page }
            },
          })
          if (module !== undefined) builds.set(page.id, lastBuild(module, images, assets))
        }),
        16,
      )
    },
    { header, cache },
  )
  if (cache && !options.cache) {
    await saveLastLoad(loaded, 'build', options, { out: destination, own, pages: builds })
  }
  return { ...result, pages: guide.pages.length, ...written }
}

/**
 * {@link buildGuide} from the last build's record, when it can give the guide and the
 * build that left it wrote `out` as it is: only the changed pages' modules (and images)
 * are made. A miss when it cannot (build the guide whole then).
 */
async function quickBuild(
  target: string,
  out: string,
  options: LoadOptions,
): Promise<BuildResult | QuickMiss> {
  const quick = await quickLoad(target, 'build', options)
  if ('missed' in quick) return quick
  const { last, cache, location } = quick
  const destination = resolve(out)
  const previous = await readBuildInfo(destination)
  const present = previous ? await listFolder(destination) : undefined
  const miss = missed(quick.parsed.count, quick.parsed.threads)
  if (!previous || !present) return miss
  const changedAt = new Set(quick.changed.map(({ index }) => index))
  const output = new OutputFolder(destination, previous, present)
  if (
    last.out !== destination ||
    last.own === undefined ||
    previous.version !== pipelineVersion() ||
    previous.own !== last.own ||
    !ownFilesPresent(previous, present) ||
    !last.pages.every(
      (page, index) =>
        changedAt.has(index) ||
        (page.build !== undefined && output.isCurrent(pageFile(page.id), page.build.module)),
    )
  ) {
    return miss
  }
  const result = {
    loaded: undefined,
    files: quick.files,
    parsed: quick.parsed,
    pages: quick.paths.length,
  }
  if (quick.failed) return { ...result, written: [], changed: [] }
  const docs = location.docs
  const header = headerOf(location)
  const asset = assetNamer(docs, cache)
  // The images of the pages that did not change keep their names; those of the changed
  // pages are named as a build names them.
  const assets = new Map<string, string>()
  last.pages.forEach((page, index) => {
    if (!changedAt.has(index)) for (const [file, name] of page.build!.assets) assets.set(file, name)
  })
  for (const { page } of quick.changed) {
    for (const { file } of localImages(page.path, page.tree)) {
      if (!assets.has(file) && isImage(docs, file)) assets.set(file, await asset(file))
    }
  }
  await cache.saveImages()
  const files = new Map<string, BuildFile>()
  for (const name of ownNames) files.set(name, { digest: previous.files[name]! })
  last.pages.forEach((page, index) => {
    if (changedAt.has(index)) return
    files.set(pageFile(page.id), { digest: page.build!.module })
    // Its module's text stays in the cache, for a build that has to write it again.
    cache.keep(page.build!.module)
  })
  const builds = new Map<number, LastBuild>()
  const info = { version: previous.version, own: last.own }
  const written = await writeBuild(
    output,
    files,
    info,
    assets,
    docs,
    async (write) => {
      for (const { index, page, key, fresh } of quick.changed) {
        const images = localImages(page.path, page.tree)
        const module = await write({
          page,
          parse: key,
          images,
          fresh,
          whole: async () => ({ page, own: false }),
        })
        builds.set(index, lastBuild(module!, images, assets))
      }
    },
    { header, cache },
  )
  await saveQuickLoad(quick, 'build', builds)
  return { ...result, ...written }
}

/** A file of the output: the digest of what it is made from, and its text or source if it is to be written. */
type BuildFile = { digest: string; text?: string; copy?: string }

/** A page whose module a build makes. */
interface PageToWrite {
  page: GuidePage
  /** The key of its parse in the cache, if any. */
  parse: string | undefined
  images: readonly { file: string }[]
  /** Whether this build parsed it. */
  fresh: boolean
  /** The page with its whole tree. */
  whole: () => Promise<WholePage>
}

/** A page with its whole tree, and whether nothing else holds that tree (read for this build). */
interface WholePage {
  page: GuidePage
  own: boolean
}

/**
 * Write a build into `output`: the runtime, the images (`assets`: each file of the guide's
 * folder `docs` by its name in the output), the pages' modules (`pages`, which makes them
 * with the `write` it is given: it gives back each module's key, when there is a cache),
 * then the other `files` that are not in the folder as they are, and the list.
 */
async function writeBuild(
  output: OutputFolder,
  files: Map<string, BuildFile>,
  info: Omit<BuildInfo, 'files'>,
  assets: ReadonlyMap<string, string>,
  docs: string,
  pages: (write: (page: PageToWrite) => Promise<string | undefined>) => Promise<void>,
  { header, cache }: { header: string; cache: PageCache | undefined },
): Promise<{ written: string[]; changed: string[] }> {
  files.set('runtime.js', { digest: digest(await readFile(runtime)), copy: runtime })
  for (const [file, name] of assets) {
    files.set(name, { digest: name, copy: join(docs, ...file.split('/')) })
  }
  // A bundler emits what `new URL('…', import.meta.url)` names; Node.js gets a file URL.
  const imageIn =
    (module: string) =>
    (file: string): ImageReference | undefined => {
      const name = assets.get(file)
      if (name === undefined) return undefined
      let path = posix.relative(posix.dirname(module), name)
      if (!path.startsWith('.')) path = `./${path}`
      return { expression: `new URL(${JSON.stringify(path)}, import.meta.url).href` }
    }
  try {
    await pages(async ({ page, parse, images, fresh, whole }) => {
      const name = pageFile(page.id)
      // All a page's module is made from: its parse, what the guide gave it (`prev` and
      // `next`, where its links lead, its images' sizes) and its images' files.
      const key = cache && parse ? moduleKey(page, header, parse, images, assets) : undefined
      if (key !== undefined && output.isCurrent(name, key)) {
        cache!.keep(key)
        files.set(name, { digest: key })
        return key
      }
      const json = await pageJsonOf(cache, whole, key, imageIn('guide.js'), !fresh)
      const text = header + pageSource(json, imageIn(name))
      const file = { digest: key ?? digest(text) }
      files.set(name, file)
      if (!output.isCurrent(name, file.digest)) await output.write(name, { text })
      return key
    })
    await cache?.prune('txt')
    // Then the others (the modules written, only their digests are left).
    const others = [...files].filter(
      ([name, file]) =>
        (file.text !== undefined || file.copy !== undefined) &&
        !output.isCurrent(name, file.digest),
    )
    await inParallel(
      others.map(
        ([name, file]) =>
          () =>
            output.write(name, file),
      ),
      32,
    )
    const list: BuildInfo = { ...info, files: {} }
    for (const [name, file] of files) list.files[name] = file.digest
    const changed = await output.finish(new Set(files.keys()), list)
    return { written: [...files.keys()], changed }
  } catch (error) {
    await output.abort()
    throw error
  }
}

/** The header of each file a build writes. */
function headerOf(location: GuideLocation): string {
  return `// Generated by ai-engineer-content build from ${guideName(location).split('\\').join('/')}. Do not edit.\n`
}

/**
 * What names an image file of the guide's folder `docs` in the output: its name and the
 * hash of its bytes (kept with the file's stamp in the cache folder: a build in a new
 * process reads no image that did not change).
 */
function assetNamer(docs: string, cache: PageCache | undefined): (file: string) => Promise<string> {
  return async (file) => {
    const path = join(docs, ...file.split('/'))
    let hash = cache?.imageHash(path)
    if (hash === undefined) {
      hash = digest(await readFile(path), 8)
      cache?.setImageHash(path, hash)
    }
    const name = posix.basename(file)
    const dot = name.lastIndexOf('.')
    return `assets/${dot > 0 ? `${name.slice(0, dot)}.${hash}${name.slice(dot)}` : `${name}.${hash}`}`
  }
}

/** What the last build's record keeps of a page: its module's key and its images' names. */
function lastBuild(
  module: string,
  images: readonly { file: string }[],
  assets: ReadonlyMap<string, string>,
): LastBuild {
  return {
    module,
    assets: images.flatMap(({ file }): [string, string][] => {
      const name = assets.get(file)
      return name === undefined ? [] : [[file, name]]
    }),
  }
}

/** The name in the output of each image file (by absolute path) a build named. */
const assetNames = new Map<string, string>()

/** What the files made from the guide's index are made from. */
interface OwnInput {
  guide: Guide
  /** The JSON of `guideIndex`. */
  indexJson: string
  header: string
}

const pageLink = (id: string): string => `./${pageFile(id)}`

/**
 * The files of the output made from the guide's index and the build's header, by name:
 * all but the pages' modules, the images and the runtime. Node.js takes the whole-guide
 * API from `guide.node.js`, which loads a page when asked for it; anything else (a
 * bundler) from `guide.js`, which it drops when unused.
 */
const ownMakers: Record<string, (input: OwnInput) => string> = {
  'package.json': () => `${JSON.stringify(outPackage, null, 2)}\n`,
  'index.js': ({ guide, header }) =>
    header +
    indexSource(
      { title: guide.title, nav: guide.nav, pages: guide.pages.map(pageFields) },
      { runtime: './runtime.js', eager: '#guide', data: '#index' },
    ),
  'index-data.js': ({ guide, indexJson, header }) =>
    header +
    indexDataSource(indexJson, { ids: guide.pages.map((page) => page.id), page: pageLink }),
  'index-data.node.js': ({ header }) => header + indexJsonSource('./index.json', './pages/'),
  'index.json': ({ indexJson }) => `${indexJson}\n`,
  'guide.node.js': ({ header }) => header + syncSource('./runtime.js', './index.js', './pages/'),
  'index.d.ts': ({ guide, header }) => header + declarationSource(guideIds(guide.pages)),
  'guide.js': ({ guide, header }) =>
    header +
    eagerImportsSource(
      guide.title,
      guide.nav,
      guide.pages.map((page) => pageLink(page.id)),
      './runtime.js',
    ),
}

const ownNames = Object.keys(ownMakers)

/** Whether the folder holds (`present`) every file made from the index that its list names. */
function ownFilesPresent(previous: BuildInfo, present: ReadonlySet<string> | undefined): boolean {
  return ownNames.every((name) => previous.files[name] !== undefined && present?.has(name))
}

/** The files {@link ownFiles} made last in this process, and from what. */
let lastOwn:
  { key: string; own: string; files: [string, { digest: string; text: string }][] } | undefined

/** Each file of {@link ownMakers}, made, with its digest. */
function ownFiles(input: OwnInput): [string, { digest: string; text: string }][] {
  return Object.entries(ownMakers).map(([name, make]) => {
    const text = make(input)
    return [name, { digest: digest(text), text }]
  })
}

/** The module of the page `id` in the output. */
function pageFile(id: string): string {
  return `pages/${id}.js`
}

/** Each page's {@link moduleKey}, with what it was made from. */
const moduleKeys = new WeakMap<GuidePage, { from: string; key: string }>()

/**
 * The digest of all a page's module is made from: its parse (`parse`, its key in the
 * cache), what the guide gave it (`prev` and `next`, where its links lead, its images'
 * sizes), its images' files (`assets`: each file's name in the output) and the header.
 * Made again only when one of them changed, for a page kept from one build to the next.
 */
function moduleKey(
  page: GuidePage,
  header: string,
  parse: string,
  images: readonly { file: string }[],
  assets: ReadonlyMap<string, string>,
): string {
  const files = JSON.stringify(images.map(({ file }) => [file, assets.get(file) ?? null]))
  const from = `${givenVersion(page)}\0${header}\0${parse}\0${files}`
  const known = moduleKeys.get(page)
  if (known?.from === from) return known.key
  const key = digest([header, parse, guideGiven(page), files].join('\0'))
  moduleKeys.set(page, { from, key })
  return key
}

/**
 * The JSON of `page` as its modules write it: kept in the cache under `key`, else made
 * (and kept, with `keep`: a page this build parsed is not, as its next build will most
 * likely find its module written already).
 */
async function pageJsonOf(
  cache: PageCache | undefined,
  whole: () => Promise<WholePage>,
  key: string | undefined,
  image: (file: string) => ImageReference | undefined,
  keep: boolean,
): Promise<PageJson> {
  const stored = key === undefined || !keep ? undefined : await cache!.getText(key)
  if (stored !== undefined) {
    const newline = stored.indexOf('\n')
    return {
      images: JSON.parse(stored.slice(0, newline)) as string[],
      literal: stored.slice(newline + 1),
    }
  }
  const { page, own } = await whole()
  const made = pageJson(own ? ownPageData(page) : pageData(page), image)
  if (key !== undefined && keep)
    await cache!.setText(key, `${JSON.stringify(made.images)}\n${made.literal}`)
  return made
}

/**
 * {@link pageData} of a page whose tree nothing else holds (read from the cache for this
 * build): its positions removed in place, rather than the tree copied without them. A
 * tree read from the cache has positions only on links, images and figures.
 */
function ownPageData(page: GuidePage): PageData {
  for (const node of nodesOf(page.tree, ['link', 'image', 'figure'])) delete node.position
  return pageFields(page)
}

/** A short hex digest of `value`. */
function digest(value: string | Uint8Array, length = 32): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length)
}

/** The files under `folder`, by their path in it with `/`; none if it cannot be read. */
async function listFolder(folder: string): Promise<Set<string> | undefined> {
  try {
    const entries = await readdir(folder, { recursive: true })
    return new Set(entries.map((name) => name.split(sep).join('/')))
  } catch {
    return undefined
  }
}

/** The list an earlier build left in `folder`, if it left one that can be read. */
async function readBuildInfo(folder: string): Promise<BuildInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(join(folder, buildInfoFile), 'utf8')) as BuildInfo
    return typeof info.version === 'string' && typeof info.files === 'object' ? info : undefined
  } catch {
    return undefined
  }
}

/** A file of the output: its text, or the file it is a copy of. */
interface OutputFile {
  text?: string | undefined
  copy?: string | undefined
}

/** Write one file of the output into `folder`: its text, or a copy of its source. */
async function writeOutput(
  folder: string,
  name: string,
  { text, copy }: OutputFile,
): Promise<void> {
  const path = join(folder, name)
  if (text !== undefined) await writeFile(path, text)
  else if (copy !== undefined) await copyFile(copy, path)
  else throw new Error(`No text for ${name}`)
}

/**
 * The output folder as a build writes it. Without an earlier build's list (`previous`),
 * the folder is written whole into a folder beside it, renamed into place at the end.
 * Over an earlier build, only the files whose digest changed or that are missing are
 * written, each through a temporary file renamed into place, and the files the guide no
 * longer has are removed; the list goes before the first write and comes back last, so a
 * build stopped half way leaves no list, and the next one writes the folder whole.
 */
class OutputFolder {
  readonly #destination: string
  readonly #previous: BuildInfo | undefined
  readonly #present: ReadonlySet<string> | undefined
  /** Where files are written: the destination, or the folder beside it. */
  readonly #folder: string
  readonly #folders = new Map<string, Promise<unknown>>()
  #listRemoved: Promise<void> | undefined
  readonly #written: string[] = []

  constructor(
    destination: string,
    previous: BuildInfo | undefined,
    present: ReadonlySet<string> | undefined,
  ) {
    this.#destination = destination
    const updating = previous !== undefined && present !== undefined
    this.#previous = updating ? previous : undefined
    this.#present = updating ? present : undefined
    this.#folder = updating
      ? destination
      : join(dirname(destination), `.${basename(destination)}.${process.pid}.tmp`)
  }

  /** Whether the file `name`, made from what `digest` names, is in the folder already. */
  isCurrent(name: string, digest: string): boolean {
    return this.#previous?.files[name] === digest && this.#present!.has(name)
  }

  /** Write the file `name`. */
  async write(name: string, file: OutputFile): Promise<void> {
    if (this.#previous) await this.#removeList()
    const path = join(this.#folder, name)
    const folder = dirname(path)
    let made = this.#folders.get(folder)
    if (!made) this.#folders.set(folder, (made = mkdir(folder, { recursive: true })))
    await made
    if (this.#previous) {
      const suffix = `.${process.pid}.tmp`
      await writeOutput(this.#folder, name + suffix, file)
      await rename(path + suffix, path)
    } else await writeOutput(this.#folder, name, file)
    this.#written.push(name)
  }

  /**
   * Finish the folder of the files `names`: remove those the earlier build wrote that it
   * no longer has, write the list `info`, and put a folder written whole in place. The
   * names written or removed.
   */
  async finish(names: ReadonlySet<string>, info: BuildInfo): Promise<string[]> {
    if (!this.#previous) {
      await mkdir(this.#folder, { recursive: true })
      await writeFile(join(this.#folder, buildInfoFile), `${JSON.stringify(info)}\n`)
      const old = join(
        dirname(this.#destination),
        `.${basename(this.#destination)}.${process.pid}.old`,
      )
      if (existsSync(this.#destination)) await rename(this.#destination, old)
      await rename(this.#folder, this.#destination)
      await rm(old, { recursive: true, force: true })
      return [...names]
    }
    const gone = Object.keys(this.#previous.files).filter(
      (name) => !names.has(name) && this.#present!.has(name),
    )
    if (this.#written.length === 0 && gone.length === 0) return []
    await this.#removeList()
    await Promise.all(gone.map((name) => rm(join(this.#destination, name), { force: true })))
    await writeFile(join(this.#destination, buildInfoFile), `${JSON.stringify(info)}\n`)
    return [...this.#written, ...gone]
  }

  /** Remove the earlier build's list, once, before the folder changes. */
  #removeList(): Promise<void> {
    this.#listRemoved ??= rm(join(this.#destination, buildInfoFile), { force: true })
    return this.#listRemoved
  }

  /** Remove a folder being written whole, after an error. */
  async abort(): Promise<void> {
    if (!this.#previous) await rm(this.#folder, { recursive: true, force: true })
  }
}

/** Run `tasks`, at most `limit` at a time; rejects with the first error. */
async function inParallel(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
}
