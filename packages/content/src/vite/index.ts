/**
 * `@ai-engineer/content/vite`: a Vite plugin that compiles a guide (a folder of pages, or
 * its `mkdocs.yml`) as the package's build does, serves it as a module with the main
 * entry's API (`guide`, the id lists, `getPage`, `getSection`, `getFigure`), updates
 * that module through HMR when a page or `mkdocs.yml` changes, and writes a declaration
 * file with the guide's literal id types. A guide that does not compile keeps the last
 * good module: the terminal gets the `vfile-reporter` output, the browser Vite's error
 * overlay.
 */
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HmrContext, Logger, Plugin, ViteDevServer } from 'vite'
import {
  guideData,
  guideIds,
  guideName,
  guideIndexJson,
  isImageOf,
  indexNames,
  indexDataSource,
  indexSource,
  isGuideFile,
  isImage,
  loadGuide,
  locateGuide,
  moduleSource,
  pageDataJson,
  pageSource,
  writeIfChanged,
  type GuideLocation,
  type LoadedGuide,
  type ImageReference,
  type ParsedPage,
} from '../guide/index.js'
import type { RuleSettings } from '../report/index.js'
import { guideModule, type GuideData, type GuideModule } from '../runtime/index.js'
import { declarations } from './dts.js'
import { importsOnly } from './importers.js'
import { guideFailures, overlayError, reportText } from './errors.js'

export type { GuideData, GuideModule, LazyGuideModule, PageData } from '../runtime/index.js'
export { GuidesError } from './errors.js'

/** Options of {@link guides}. */
export interface GuidesOptions {
  /**
   * The guide: a folder of `*.md` pages (with or without an `mkdocs.yml`), or its
   * `mkdocs.yml`, relative to Vite's root (or absolute).
   */
  dir: string
  /**
   * The module id the guide is served as. Default `virtual:guides`. A package name
   * (`'@ai-engineer/content'`) serves the guide in place of that package to the app's own
   * modules (those under Vite's root, outside `node_modules`); dependencies that import
   * the package keep the package.
   */
  module?: string
  /**
   * Where to write the declaration file of the module (relative to Vite's root), or
   * `false` for none. Default `src/guides.d.ts`. Rewritten only when its text changes.
   */
  dts?: string | false
  /** Warnings fail a version too, as `mkdocs build --strict` does. Default: `mkdocs.yml`'s `strict`. */
  strict?: boolean
  /** Severities to use instead of the defaults, by rule id. */
  rules?: RuleSettings
  /**
   * Where each page's parse is kept between runs of Vite, so a server started again
   * parses only the pages that changed, or `false` for nowhere. Default:
   * `ai-engineer-content` in Vite's `cacheDir` (`node_modules/.vite`).
   */
  cacheDir?: string | false
  /**
   * Called with each compiled version before it is served: throw to refuse it (the
   * message is reported like a guide error and the last good version stays).
   */
  check?: (guides: GuideModule) => void
  /** Called after a new version is served (dev server only). */
  onUpdate?: (guides: GuideModule) => void
}

const plugin = '@ai-engineer/content/vite'
const registry = Symbol.for(plugin)
/**
 * Vite's watcher (chokidar 3) drops a change of a file that comes within 50 ms of the
 * last change of the same file it reported, with no event after: a second save in quick
 * succession (an editor that formats on save, a script) is lost. After each update the
 * plugin reads the pages the watcher named again once that window has passed.
 */
const recheckAfterMs = 100
type Registry = Map<string, GuideModule>

function live(): Registry {
  const scope = globalThis as { [registry]?: Registry }
  return (scope[registry] ??= new Map())
}

/**
 * The guide that a {@link guides} plugin of this process serves from `dir` (its folder
 * or `mkdocs.yml`, as given to the plugin, made absolute), as last compiled, or `undefined` when none does. For Node.js code that runs beside the
 * dev server, such as a Slidev preparser.
 */
export function liveGuides(dir: string): GuideModule | undefined {
  return live().get(resolve(dir))
}

// The module's runtime, next to this file in `dist/`.
const runtime = fileURLToPath(new URL('./runtime.js', import.meta.url))
const ownPackage = '@ai-engineer/content'

/** A compiled version: its data and API, and each page's data as JSON, by id. */
interface Compiled {
  data: GuideData
  module: GuideModule
  pageJson: Map<string, string>
  /** The JSON of the guide's index: the index modules change only when it does. */
  indexJson: string
  /** How many pages the compile parsed, and how many came from a cache. */
  parsed: LoadedGuide['parsed']
}

/** The ids of the pages of `after` whose data is not the same in `before`. */
function changedPages(before: Compiled | undefined, after: Compiled): string[] {
  const changed: string[] = []
  after.pageJson.forEach((json, id) => {
    if (before?.pageJson.get(id) !== json) changed.push(id)
  })
  return changed
}

/** The Vite plugin: `plugins: [vue(), guides({ dir: 'docs' })]`. */
export function guides(options: GuidesOptions): Plugin {
  const moduleId = options.module ?? 'virtual:guides'
  const resolvedId = `\0${moduleId}?guides`
  // The index imports the eager module and each page's by these ids, resolved to ours.
  const eagerId = `${moduleId}?guides-eager`
  const pagePrefix = `${moduleId}?guides-page=`
  const resolvedEager = `\0${eagerId}`
  // In dev, a module that imports only the index's names gets the index without the eager
  // module (Vite serves every export, used or not): it loads the pages it opens, no more.
  const resolvedIndex = `\0${moduleId}?guides-index`
  // The index's data, a module of its own: a page's update reaches the indexes (which
  // import the pages) and Vite serves them again, but not this, which is most of their size.
  const dataId = `${moduleId}?guides-index-data`
  const resolvedData = `\0${dataId}`
  const resolvedPage = (page: string): string => `\0${pagePrefix}${encodeURIComponent(page)}`
  /**
   * The page of a page module's id, resolved or not. The browser may ask for it with
   * its id decoded (Vite decodes the URL), so it is resolved to one id a page.
   */
  const pageOf = (id: string): string | undefined => {
    const query = id.startsWith('\0') ? id.slice(1) : id
    if (!query.startsWith(pagePrefix)) return undefined
    const page = query.slice(pagePrefix.length)
    try {
      return decodeURIComponent(page)
    } catch {
      return page
    }
  }
  const cache = new Map<string, ParsedPage>()
  let root = process.cwd()
  let base = '/'
  let serving = false
  /**
   * Each page changed since the server started, with the time of its last change: the
   * query the index in the browser loads its module with (see `load`).
   */
  const stamps = new Map<string, number>()
  let cacheDir: string | undefined
  let logger: Logger | undefined
  let target = resolve(options.dir)
  let location: GuideLocation = locateGuide(target)
  let current: Compiled | undefined
  /**
   * The guide's pages as the last compile listed them, until the watcher sees a file or
   * folder of the guide's folder added or removed: a save lists the folder again only then.
   */
  let listed: readonly string[] | undefined
  /** Whether a file is an image that a page of the last compile that put the guide together names. */
  let isImageOfGuide: (file: string) => boolean = () => false
  let server: ViteDevServer | undefined
  let recheck: ReturnType<typeof setTimeout> | undefined
  /** The pages a recheck passed on as changed: their updates do not recheck again. */
  const passedOn = new Set<string>()

  // Each image is Vite's to serve, and in a build to emit with a hashed name: never
  // inlined as a data URL, which renderers refuse (no http, https or relative URL). One
  // that is missing (`image-file` set to `warn`) keeps its `src`.
  const image = (file: string): ImageReference | undefined => {
    if (!isImage(location.docs, file)) return undefined
    const path = resolve(location.docs, ...file.split('/'))
      .split(sep)
      .join('/')
    return { import: `${path}?no-inline` }
  }
  const ownModule = (importer: string | undefined): boolean =>
    importer !== undefined &&
    importer.startsWith(root + sep) &&
    !importer.includes(`${sep}node_modules${sep}`)
  /** Whether the module `importer` imports only the index's names from the guide's module. */
  const importsIndexOnly = async (importer: string): Promise<boolean> => {
    const file = importer.split('?')[0]!
    const source = await readFile(file, 'utf8').catch(() => undefined)
    return source !== undefined && importsOnly(source, moduleId, indexNames)
  }
  const isGuide = (file: string): boolean => isGuideFile(location, file)

  /** Compile the guide; `changed`: the only pages that may differ from the last compile. */
  async function compile(changed?: ReadonlySet<string>): Promise<Compiled> {
    const loaded = await loadGuide(target, {
      cwd: root,
      cache,
      changed,
      paths: changed ? listed : undefined,
      cacheDir,
      strict: options.strict,
      rules: options.rules,
    })
    location = loaded.location
    listed = loaded.paths
    if (!loaded.guide) throw guideFailures(loaded, root, cache)
    isImageOfGuide = isImageOf(loaded.guide.pages, location.docs)
    const data = guideData(loaded.guide)
    const module = guideModule(data)
    options.check?.(module)
    // The ids are in the index: an index the same as the last compile's has the same.
    const indexJson = guideIndexJson(data)
    if (options.dts !== false && indexJson !== current?.indexJson) {
      const dts = resolve(root, options.dts ?? 'src/guides.d.ts')
      const from = relative(resolve(dts, '..'), location.config ?? location.docs)
      await writeIfChanged(dts, declarations(moduleId, guideIds(loaded.guide.pages), from))
    }
    live().set(target, module)
    // Each page once, so a save compares with the last version without serializing it again.
    // A page's data is the same object while it is the same (`guideData` keeps it).
    const pageJson = new Map<string, string>()
    for (const page of data.pages) pageJson.set(page.id, pageDataJson(page))
    return {
      data,
      module,
      pageJson,
      indexJson,
      parsed: loaded.parsed,
    }
  }

  /** The pages the watcher named since the last recheck. */
  const named = new Set<string>()

  /**
   * The pages of `files` whose text differs from what the last compile read (the cache
   * holds every page it read, compiled or not): their changes were dropped.
   */
  async function missedChanges(files: readonly string[]): Promise<string[]> {
    const texts = await Promise.all(
      files.map((file) => readFile(file, 'utf8').catch(() => undefined)),
    )
    return files.filter((file, index) => {
      const page = cache.get(file)
      return page !== undefined && texts[index] !== undefined && texts[index] !== page.source
    })
  }

  /** Once the watcher's window has passed, pass on a change of `file` it dropped. */
  function recheckLater(devServer: ViteDevServer, file: string): void {
    named.add(file)
    clearTimeout(recheck)
    recheck = setTimeout(() => {
      const files = [...named]
      named.clear()
      void missedChanges(files).then(
        (missed) => {
          for (const file of missed) {
            passedOn.add(file)
            devServer.watcher.emit('change', file)
          }
        },
        () => undefined,
      )
    }, recheckAfterMs)
    recheck.unref?.()
  }

  function report(error: unknown): void {
    const text = `${plugin}: the guide in ${guideName(location, root)} did not compile; the last good version stays\n${reportText(error)}`
    if (server) server.config.logger.error(text, { timestamp: true })
    else console.error(text)
    server?.hot.send({ type: 'error', err: overlayError(error, plugin) })
  }

  return {
    name: plugin,
    enforce: 'pre',
    configResolved(config) {
      root = config.root
      base = config.base
      serving = config.command === 'serve'
      logger = config.logger
      cacheDir =
        options.cacheDir === false
          ? undefined
          : resolve(root, options.cacheDir ?? join(config.cacheDir, 'ai-engineer-content'))
      target = resolve(root, options.dir)
      location = locateGuide(target)
    },
    async buildStart() {
      try {
        const started = performance.now()
        current = await compile()
        const { count, threads, cached } = current.parsed
        logger?.info(
          `${plugin}: ${guideName(location, root)}, ${current.data.pages.length} pages in ${Math.round(performance.now() - started)} ms (${count} parsed${threads > 1 ? ` on ${threads} threads` : ''}, ${cached} from the cache)`,
          { timestamp: true },
        )
      } catch (error) {
        // A dev server starts with the last good version (none yet): the overlay shows why.
        if (!server) throw error
        report(error)
      }
    },
    configureServer(devServer) {
      server = devServer
      devServer.watcher.add([location.docs, ...(location.config ? [location.config] : [])])
      const relist = (path: string): void => {
        if (path === location.docs || path.startsWith(location.docs + sep)) listed = undefined
      }
      for (const event of ['add', 'unlink', 'addDir', 'unlinkDir'] as const) {
        devServer.watcher.on(event, relist)
      }
    },
    async resolveId(id, importer) {
      if (id === eagerId || id === dataId) return `\0${id}`
      const page = pageOf(id)
      if (page !== undefined) return resolvedPage(page)
      if (id !== moduleId) return null
      // The served module re-exports the real package when it stands in for it.
      if (importer === resolvedId) return this.resolve(id, importer, { skipSelf: true })
      if (!moduleId.startsWith('virtual:') && !ownModule(importer)) return null
      if (serving && importer && (await importsIndexOnly(importer))) return resolvedIndex
      return resolvedId
    },
    async load(id, loadOptions) {
      if (id === resolvedEager) {
        current ??= await compile()
        // Nothing in it runs unless its names are used: a build drops it if they are not.
        return { code: moduleSource(current.data, runtime, image), moduleSideEffects: false }
      }
      if (id === resolvedData) {
        current ??= await compile()
        // A build in watch mode builds again when a file of the guide changes. The dev
        // server watches the guide's folder itself (`configureServer`): a file named to a
        // module there is a module of the graph, whose change Vite passes on to the
        // module (served again, with a resolve a file) before the plugin's hook runs.
        if (!serving) {
          for (const file of [...cache.keys(), ...(location.config ? [location.config] : [])]) {
            this.addWatchFile(file)
          }
        }
        return { code: indexDataSource(current.indexJson), moduleSideEffects: false }
      }
      const pageId = id.startsWith('\0') ? pageOf(id) : undefined
      if (pageId !== undefined) {
        current ??= await compile()
        const page = current.data.pages.find((candidate) => candidate.id === pageId)
        if (!page) return null
        return { code: pageSource(page, image), moduleSideEffects: false }
      }
      if (id !== resolvedId && id !== resolvedIndex) return null
      current ??= await compile()
      // In the browser, a page's loader makes its URL at run time: an index that imports
      // each page by name costs Vite a resolve a page each time a save serves it again,
      // longer than the rest of the save on a guide of thousands of pages. A build and
      // SSR keep one import a page, which a bundle splits into a chunk a page.
      const links =
        serving && !loadOptions?.ssr
          ? { runtime, data: dataId, pageUrl: { prefix: `${base}@id/${pagePrefix}`, stamps } }
          : {
              runtime,
              data: dataId,
              page: (page: string): string => pagePrefix + encodeURIComponent(page),
            }
      // No source map: the code is ours, generated, and a map of it costs Vite more each
      // time a page's update makes it serve the index again than the rest of the update.
      const map = { mappings: '' }
      if (id === resolvedIndex) return { code: indexSource(current.data, links), map }
      const source = indexSource(current.data, { ...links, eager: eagerId })
      // Standing in for the package, the module re-exports the rest of its main entry.
      return {
        code:
          moduleId === ownPackage
            ? `export * from ${JSON.stringify(ownPackage)}\n${source}`
            : source,
        map,
      }
    },
    async handleHotUpdate(ctx: HmrContext) {
      // An image of a page: its size may have changed (Vite updates the image itself).
      const guideFile = isGuide(ctx.file)
      if (!guideFile && !isImageOfGuide(ctx.file)) return undefined
      // A save may truncate the page before writing it, and the watcher can fire in
      // between: Vite's `read()` waits for the write when it finds the file empty.
      if (guideFile) await ctx.read()
      const recheckAfter = !passedOn.delete(ctx.file)
      const before = current
      try {
        // The watcher named the page saved: the others are as the last compile read them
        // (a save it dropped is caught by the recheck, which reads every page).
        current = await compile(ctx.file === location.config ? undefined : new Set([ctx.file]))
      } catch (error) {
        report(error)
        return []
      } finally {
        if (recheckAfter) recheckLater(ctx.server, ctx.file)
      }
      options.onUpdate?.(current.module)
      const graph = ctx.server.moduleGraph
      const indexes = [resolvedId, resolvedIndex].filter((id) => graph.getModuleById(id))
      if (indexes.length === 0) return ctx.modules
      // The module of each page whose data changed is served again when next loaded, with
      // a new query in the browser; another page's module stays as it is.
      const pages = changedPages(before, current)
      const stamp = Date.now()
      for (const page of pages) stamps.set(page, stamp)
      const stale = pages.flatMap((page) => graph.getModuleById(resolvedPage(page)) ?? [])
      for (const module of stale) graph.invalidateModule(module)
      // The update: the indexes when a page changed (they hold the queries; in the
      // browser, a page's module has no importer to reach the app through), their data
      // too when the index changed (the nav, a title, a heading), and the eager module.
      // The modules that accept the guide's module get its new version.
      const ids = [
        ...(pages.length > 0 ? indexes : []),
        ...(before?.indexJson === current.indexJson ? [] : [resolvedData]),
        resolvedEager,
      ]
      const changed = ids.flatMap((id) => graph.getModuleById(id) ?? [])
      const ours = new Set([...indexes, ...ids])
      const others = ctx.modules.filter(
        (item) => !changed.includes(item) && item.id !== null && !ours.has(item.id),
      )
      for (const module of changed) graph.invalidateModule(module)
      return [...others, ...changed]
    },
  }
}
