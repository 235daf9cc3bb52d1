/**
 * `@ai-engineer/content/astro`: an Astro content loader. A guide (a folder of pages, or
 * its `mkdocs.yml`) becomes a collection of one entry a page, in nav order: the page's
 * title, its place in the nav, its neighbours, its headings for a table of contents and
 * its tree. The guide is compiled as the package's build does (the same checks, the same
 * cache of parsed pages); in `astro dev` a saved page is parsed again on its own and
 * only the entries whose data changed are written. Relative images go through Astro's
 * asset pipeline: an entry's `images` maps each `src` of its tree to the image Astro
 * emitted.
 *
 * With {@link guideOverlay} among the site's integrations, a guide that does not compile
 * in `astro dev` shows in Astro's error overlay too, at the first error's
 * `path:line:column`, and the overlay goes once the guide compiles again.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join, relative, resolve, sep } from 'node:path'
import type { AstroIntegration, ImageMetadata } from 'astro'
import type { Loader, LoaderContext } from 'astro/loaders'
import { z } from 'astro/zod'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import {
  guideData,
  guideIndex,
  isGuideFile,
  isImageOf,
  loadGuide,
  localImages,
  locateGuide,
  pageDataJson,
  type GuideLocation,
  type ParsedPage,
} from '../guide/index.js'
import type { RuleSettings } from '../report/index.js'
import type { Guide, GuideRoot, NavItem, PageEntry } from '../types.js'
import { format } from '../cli/formats.js'
import { guideFailures, GuidesError, overlayError, type OverlayError } from '../vite/errors.js'

/** Options of {@link guideLoader}. */
export interface GuideLoaderOptions {
  /**
   * The guide: a folder of `*.md` pages (with or without an `mkdocs.yml`), or its
   * `mkdocs.yml`, relative to the Astro project's root (or absolute). Default: the
   * guide this package ships.
   */
  guide?: string | undefined
  /** Warnings fail the guide too, as `mkdocs build --strict` does. Default: `mkdocs.yml`'s `strict`. */
  strict?: boolean | undefined
  /** Severities to use instead of the defaults, by rule id. */
  rules?: RuleSettings | undefined
  /**
   * Where each page's parse is kept between runs, or `false` for nowhere. Default:
   * `ai-engineer-content` in Astro's `cacheDir` (`node_modules/.astro`).
   */
  cacheDir?: string | false | undefined
}

/** A group of the nav that holds a page: its title. */
export interface GuideEntryGroup {
  title: string
}

/**
 * The data of a guide's entry in an Astro collection: the page's entry in the guide's
 * index (`title`, `path`, `prev`, `next`, `headings`, `sections`, `figures`), its tree,
 * and what a site needs around it.
 */
export interface GuideEntryData extends PageEntry {
  /** The page's tree, as `getPage` gives it, without positions. */
  tree: GuideRoot
  /** The page's place among the guide's pages: 0 for the first in the nav. */
  order: number
  /** The nav's groups that hold the page, the outermost first; empty at the top level. */
  groups: GuideEntryGroup[]
  /** The guide's title and nav, the same in every entry. */
  guide: { title: string; nav: NavItem[] }
  /** The images of the tree with a relative `src`, by that `src`, as Astro emitted them. */
  images: Record<string, ImageMetadata>
}

/** The loader {@link guideLoader} makes: its schema types each entry's `data`. */
export type GuideLoader = Loader & { schema: z.ZodType<GuideEntryData> }

const name = '@ai-engineer/content/astro'
/** How long after a sync the saved pages are read again (see `recheck`). */
const recheckAfterMs = 100
const imagePrefix = '__ASTRO_IMAGE_'

/**
 * The schema of an entry. The data comes from the compiled guide, already checked, so the
 * schema only gives its type; the tree and the images are taken as they are (Astro turns
 * each image's import into its metadata after the schema).
 */
const entrySchema = z.custom<GuideEntryData>(
  (value) => typeof value === 'object' && value !== null && 'tree' in value,
)

/** The guide this package ships. */
const ownGuide = fileURLToPath(new URL('../guide', import.meta.url))

/**
 * An Astro content loader of the guide `options.guide`: one entry a page, its id the
 * page's id.
 *
 * ```ts
 * // src/content.config.ts
 * import { defineCollection } from 'astro:content'
 * import { guideLoader } from '@ai-engineer/content/astro'
 *
 * export const collections = {
 *   guide: defineCollection({ loader: guideLoader({ guide: 'docs/mkdocs.yml' }) }),
 * }
 * ```
 */
export function guideLoader(options: GuideLoaderOptions = {}): GuideLoader {
  // Pages as last parsed, by absolute path, across the loads of one Astro process.
  const cache = new Map<string, ParsedPage>()
  // Whether a file is an image that a page of the last load that put the guide together names.
  let isImageOfGuide: (file: string) => boolean = () => false
  let watching = false
  return {
    name,
    schema: entrySchema,
    async load(context) {
      const root = fileURLToPath(context.config.root)
      const target = options.guide === undefined ? ownGuide : resolve(root, options.guide)
      // Where the guide is: its `mkdocs.yml` names its pages' folder, so each load says.
      let location = locateGuide(target, root)
      const overlay = overlayOf(`${root}\0${context.collection}`)
      const cacheDir =
        options.cacheDir === false
          ? undefined
          : (options.cacheDir ??
            join(fileURLToPath(context.config.cacheDir), 'ai-engineer-content'))
      const sync = async (changed?: ReadonlySet<string>): Promise<void> => {
        const started = performance.now()
        const loaded = await loadGuide(target, {
          cwd: root,
          cache,
          changed,
          cacheDir,
          strict: options.strict,
          rules: options.rules,
        })
        location = loaded.location
        if (!loaded.guide) throw guideFailures(loaded, root, cache)
        isImageOfGuide = isImageOf(loaded.guide.pages, location.docs)
        const warnings = messages(loaded.files, (message) => message.fatal === false)
        if (warnings) context.logger.warn(warnings)
        const notes = messages(loaded.files, (message) => message.fatal == null)
        if (notes) context.logger.info(notes)
        const written = await store(context, loaded.guide, loaded.location, root)
        overlay.clear()
        const { count, cached } = loaded.parsed
        const pages = loaded.guide.pages.length
        context.logger.info(
          `${pages} ${pages === 1 ? 'page' : 'pages'} in ${Math.round(performance.now() - started)} ms ` +
            `(${count} parsed, ${cached} from the cache; ${written} ${written === 1 ? 'entry' : 'entries'} written)`,
        )
      }
      // The last good entries stay; each message is logged at its path:line:column.
      const report = (error: unknown): void => {
        const text =
          error instanceof GuidesError
            ? format(
                error.failures.map(({ error: failure }) => failure.file),
                'unix',
              )
            : error instanceof Error
              ? error.message
              : String(error)
        context.logger.error(text)
        overlay.show(astroOverlayError(error, text, root))
      }
      const { watcher } = context
      try {
        await sync()
      } catch (error) {
        // `astro build` and `astro sync` stop at a broken guide; `astro dev` starts with
        // the entries it had and takes the fix when it is saved.
        if (!watcher) throw error
        report(error)
      }
      if (!watcher || watching) return
      watching = true
      watcher.add([location.docs, ...(location.config ? [location.config] : [])])
      // Saves that come while a sync runs are gathered and synced together after it.
      let pending: Set<string> | undefined
      let running: Promise<void> = Promise.resolve()
      const onChange = (file: string, whole: boolean): void => {
        // A page, `mkdocs.yml`, or an image a page names (its size may have changed).
        if (!isGuideFile(location, file) && !isImageOfGuide(file)) return
        const first = pending === undefined
        pending ??= new Set()
        if (whole) pending.add('*')
        else pending.add(file)
        if (!first) return
        running = running.then(async () => {
          const files = pending!
          pending = undefined
          await sync(files.has('*') || files.has(location.config ?? '') ? undefined : files).catch(
            report,
          )
          // The watcher (chokidar) drops a change that comes within 50 ms of the last one
          // it reported: a save seen half written and then finished would be lost. Once
          // that window has passed, a page whose bytes differ from those synced is synced
          // again.
          setTimeout(() => void recheck(files), recheckAfterMs).unref()
        })
      }
      const recheck = async (files: ReadonlySet<string>): Promise<void> => {
        for (const file of files) {
          if (file === '*' || !cache.has(file)) continue
          const now = await readFile(file, 'utf8').catch(() => undefined)
          if (now !== undefined && now !== cache.get(file)?.source) onChange(file, false)
        }
      }
      watcher.on('change', (file) => onChange(file, false))
      watcher.on('add', (file) => onChange(file, true))
      watcher.on('unlink', (file) => onChange(file, true))
    },
  }
}

/**
 * An Astro integration that shows a guide's errors in `astro dev`'s error overlay: each
 * {@link guideLoader} whose guide does not compile sends its first error (message,
 * `path:line:column`, code frame) to the pages open in the browser, and to each page
 * opened while it stays broken; when the guide compiles again, the pages reload.
 *
 * ```ts
 * // astro.config.mjs
 * import { defineConfig } from 'astro/config'
 * import { guideOverlay } from '@ai-engineer/content/astro'
 *
 * export default defineConfig({ integrations: [guideOverlay()] })
 * ```
 */
export function guideOverlay(): AstroIntegration {
  let channel: HotChannel | undefined
  return {
    name: `${name}/overlay`,
    hooks: {
      'astro:server:setup': ({ server }) => {
        const registry = overlays()
        // On a restart (a config change) the server is set up again, and the collections
        // are loaded again.
        if (channel) registry.channels.delete(channel)
        registry.failures.clear()
        const own = server.environments.client.hot
        channel = own
        registry.channels.add(own)
        own.on('connection', () => {
          for (const err of registry.failures.values()) own.send({ type: 'error', err })
        })
      },
      'astro:server:done': () => {
        if (channel) overlays().channels.delete(channel)
        channel = undefined
      },
    },
  }
}

/**
 * The overlay of `error` for Astro's: the first error's place relative to `root` (Astro
 * joins it to the root, which also finds a guide outside the project), every error as
 * the terminal has them (`text`) in place of a stack, and the failed page's text for
 * Astro to show around the line.
 */
function astroOverlayError(error: unknown, text: string, root: string): AstroOverlayError {
  const err: AstroOverlayError = { ...overlayError(error, name), stack: text }
  const first = error instanceof GuidesError ? error.failures[0] : undefined
  if (!first || !err.loc) return err
  const file = relative(root, first.file).split(sep).join('/')
  return { ...err, id: file, loc: { ...err.loc, file }, fullCode: first.source }
}

/** What Astro's overlay takes beyond Vite's: the whole text of the file in error. */
type AstroOverlayError = OverlayError & { fullCode?: string }

/** What the overlay needs of a dev server: the hot channel to its pages. */
interface HotChannel {
  send(
    payload: { type: 'error'; err: AstroOverlayError } | { type: 'full-reload'; path: '*' },
  ): void
  on(event: 'connection', listener: () => void): void
}

interface OverlayRegistry {
  /** The dev servers' channels, from {@link guideOverlay}. */
  channels: Set<HotChannel>
  /** The error of each collection whose guide does not compile, by root and collection. */
  failures: Map<string, AstroOverlayError>
}

/**
 * The process's overlay registry. Astro evaluates `astro.config` (where the integration
 * is) and `content.config` (where the loaders are) apart, each with its own copy of this
 * module, so the registry is kept on `globalThis`.
 */
function overlays(): OverlayRegistry {
  const scope = globalThis as unknown as Record<symbol, OverlayRegistry | undefined>
  const key = Symbol.for(`${name}/overlay`)
  return (scope[key] ??= { channels: new Set(), failures: new Map() })
}

/** The overlay of one collection, `key`: show its error, or clear it and reload the pages. */
function overlayOf(key: string): { show(err: AstroOverlayError): void; clear(): void } {
  return {
    show(err) {
      const registry = overlays()
      // The same error again (the save read a second time) is on the pages already.
      const shown = registry.failures.get(key)
      if (shown && JSON.stringify(shown) === JSON.stringify(err)) return
      registry.failures.set(key, err)
      for (const channel of registry.channels) channel.send({ type: 'error', err })
    },
    clear() {
      const registry = overlays()
      if (!registry.failures.delete(key)) return
      for (const channel of registry.channels) channel.send({ type: 'full-reload', path: '*' })
    },
  }
}

/**
 * Write each page of `guide` as an entry (Astro keeps an entry whose digest did not
 * change), and delete the entries of pages that are gone. Returns how many were written.
 */
async function store(
  context: LoaderContext,
  guide: Guide,
  location: GuideLocation,
  root: string,
): Promise<number> {
  const data = guideData(guide)
  const index = guideIndex(data)
  const groups = groupsOf(data.nav)
  const shared = { title: data.title, nav: data.nav }
  const navJson = JSON.stringify(shared)
  let written = 0
  for (const [order, page] of data.pages.entries()) {
    const file = join(location.docs, ...page.path.split('/'))
    const filePath = relative(root, file).split(sep).join('/')
    // Astro resolves an image import against the entry's file.
    const images: Record<string, string> = {}
    for (const { src, file: image } of localImages(page.path, page.tree)) {
      const fromPage = relative(join(file, '..'), join(location.docs, ...image.split('/')))
      images[src] = `${imagePrefix}./${fromPage.split(sep).join('/')}`
    }
    const entry = {
      ...index.pages[order]!,
      tree: page.tree,
      order,
      groups: groups.get(page.id) ?? [],
      guide: shared,
      images,
    }
    // Everything else of the entry is derived from the page's data, its place and the nav.
    const digest = context.generateDigest(
      `${pageDataJson(page)}\0${order}\0${JSON.stringify(entry.groups)}\0${navJson}`,
    )
    if (context.store.get(page.id)?.digest === digest) continue
    const parsed = await context.parseData({ id: page.id, data: entry, filePath })
    if (context.store.set({ id: page.id, data: parsed, digest, filePath })) written += 1
  }
  const ids = new Set(data.pages.map((page) => page.id))
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id)
  return written
}

/** The messages of `files` that `keep` keeps, a line each at its `path:line:column`. */
function messages(files: readonly VFile[], keep: (message: VFileMessage) => boolean): string {
  const kept = files.flatMap((file) => {
    const view = new VFile({ path: file.path })
    view.messages = file.messages.filter(keep)
    return view.messages.length > 0 ? [view] : []
  })
  return kept.length > 0 ? format(kept, 'unix') : ''
}

/** The groups that hold each page of `nav`, by page id. */
function groupsOf(nav: readonly NavItem[]): Map<string, GuideEntryGroup[]> {
  const groups = new Map<string, GuideEntryGroup[]>()
  const walk = (items: readonly NavItem[], trail: GuideEntryGroup[]): void => {
    for (const item of items) {
      if ('children' in item) walk(item.children, [...trail, { title: item.title }])
      else if ('page' in item && !groups.has(item.page)) groups.set(item.page, trail)
    }
  }
  walk(nav, [])
  return groups
}
