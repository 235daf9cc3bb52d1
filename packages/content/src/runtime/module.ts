/**
 * The API over a compiled guide, built from its data at run time: what the main entry
 * exports for this package's own guide, what the module the Vite plugin serves exports,
 * and what `ai-engineer-content build` writes (`guide`, the id lists, `getPage`,
 * `getSection`, `getFigure`). Runs in the browser and in Node.js; imports nothing.
 */
import type {
  Figure,
  Guide,
  GuideAuthor,
  GuideIndex,
  GuidePage,
  GuideRoot,
  NavItem,
  PageEntry,
  Section,
} from '../types.js'
import { figuresOf } from './walk.js'

/** A page as a compiled guide holds it: no positions; sections and figures are derived. */
export interface PageData {
  id: string
  path: string
  title: string
  prev?: string
  next?: string
  source?: string
  author?: GuideAuthor
  tree: GuideRoot
}

/** A compiled guide: its title, its nav and its pages. */
export interface GuideData {
  title: string
  nav: NavItem[]
  pages: PageData[]
}

/** Ids by page: `{ docker: 'basics' | 'images' }`. */
export type IdsByPage<P extends string> = { [Page in P]: string }

/** The id lists both APIs export: `P` the page ids, `S` and `F` each page's own ids. */
export interface IdLists<
  P extends string = string,
  S extends IdsByPage<P> = IdsByPage<P>,
  F extends IdsByPage<P> = IdsByPage<P>,
> {
  /** Every page id, in the guide's order. */
  pageIds: readonly P[]
  /** The section ids of each page, in order. */
  sectionIds: { readonly [Page in P]: readonly S[Page][] }
  /** The figure ids of each page, in order. */
  figureIds: { readonly [Page in P]: readonly F[Page][] }
}

/**
 * What the API exports, typed by the guide's own ids: `P` the page ids, `S` and `F` the
 * section and figure ids of each page.
 */
export interface GuideModule<
  P extends string = string,
  S extends IdsByPage<P> = IdsByPage<P>,
  F extends IdsByPage<P> = IdsByPage<P>,
> extends IdLists<P, S, F> {
  guide: Guide<P>
  /** The page with this id. Throws a `RangeError` for an unknown id. */
  getPage(id: P): GuidePage<P>
  /** A section of a page, by the page's id and its own. Throws a `RangeError` for an unknown id. */
  getSection<Page extends P>(page: Page, id: S[Page]): Section
  /** A figure of a page, by the page's id and its own. Throws a `RangeError` for an unknown id. */
  getFigure<Page extends P>(page: Page, id: F[Page]): Figure
}

function unknown(what: string, id: string, known: Iterable<string>, where = ''): RangeError {
  const ids = [...known].join(', ') || 'none'
  return new RangeError(`Unknown ${what} \`${id}\`${where}; known: ${ids}`)
}

/** A page with the `sections` and `figures` derived from its tree. */
const pagesMade = new WeakMap<PageData, GuidePage>()

function pageOf(data: PageData): GuidePage {
  // Once a page's data: a module made again over the same data (the Vite plugin's, after
  // a save) walks only the pages that changed.
  let page = pagesMade.get(data)
  if (!page) {
    page = { ...data, sections: data.tree.children, figures: figuresOf(data.tree) }
    pagesMade.set(data, page)
  }
  return page
}

/** A page's sections or figures by id, and their ids in order: made once a list. */
const byIdOf = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>()
const idsOf = new WeakMap<readonly { id: string }[], string[]>()

function nodeIds(nodes: readonly { id: string }[]): string[] {
  let ids = idsOf.get(nodes)
  if (!ids) idsOf.set(nodes, (ids = nodes.map((node) => node.id)))
  return ids
}

function nodesById<T extends { id: string }>(nodes: readonly T[]): Map<string, T> {
  let byId = byIdOf.get(nodes)
  if (!byId) byIdOf.set(nodes, (byId = new Map(nodes.map((node) => [node.id, node]))))
  return byId as Map<string, T>
}

/** The API over `data`. */
export function guideModule(data: GuideData): GuideModule {
  const pages: GuidePage[] = data.pages.map(pageOf)
  const byId = new Map(pages.map((page) => [page.id, page]))
  const ids = (kind: 'sections' | 'figures') =>
    Object.fromEntries(pages.map((page) => [page.id, nodeIds(page[kind])]))

  function getPage(id: string): GuidePage {
    const page = byId.get(id)
    if (!page) throw unknown('page id', id, byId.keys())
    return page
  }

  function finder<K extends 'sections' | 'figures'>(what: string, kind: K) {
    return (page: string, id: string): GuidePage[K][number] => {
      const found = byId.get(page)
      if (!found) throw unknown('page id', page, byId.keys())
      const inPage = nodesById<GuidePage[K][number]>(found[kind])
      const node = inPage.get(id)
      if (node === undefined) {
        throw unknown(`${what} id`, id, inPage.keys(), ` in page \`${page}\``)
      }
      return node
    }
  }

  // Made when first read: the Vite plugin makes a module on every save.
  let sectionIds: Record<string, string[]> | undefined
  let figureIds: Record<string, string[]> | undefined
  return {
    guide: { title: data.title, nav: data.nav, pages },
    pageIds: pages.map((page) => page.id),
    get sectionIds() {
      return (sectionIds ??= ids('sections'))
    },
    get figureIds() {
      return (figureIds ??= ids('figures'))
    },
    getPage,
    getSection: finder('section', 'sections'),
    getFigure: finder('figure', 'figures'),
  }
}

/** The whole-guide API: what the eager module exports. */
export type WholeGuideModule = Pick<GuideModule, 'guide' | 'getPage' | 'getSection' | 'getFigure'>

/**
 * The whole-guide API over a guide's index, each page's data loaded by `load` when first
 * asked for: what `ai-engineer-content build` gives Node.js, which loads a page's module
 * synchronously (`require` of an ES module). `index` is read only when a name is used, so
 * a module that imports this one's index in a cycle may pass it. `guide.pages` loads
 * every page, once. Pages, errors and JSON are those of {@link guideModule} over the
 * same guide.
 */
export function syncGuideModule(
  index: () => GuideIndex,
  load: (id: string) => PageData,
): WholeGuideModule {
  let ids: Set<string> | undefined
  const known = (): Set<string> => (ids ??= new Set(index().pages.map((page) => page.id)))

  function getPage(id: string): GuidePage {
    if (!known().has(id)) throw unknown('page id', id, known())
    return pageOf(load(id))
  }

  function finder<T extends { id: string }>(what: string, kind: 'sections' | 'figures') {
    return (page: string, id: string): T => {
      const nodes = getPage(page)[kind] as unknown as T[]
      const found = nodes.find((node) => node.id === id)
      if (!found) {
        throw unknown(
          `${what} id`,
          id,
          nodes.map((node) => node.id),
          ` in page \`${page}\``,
        )
      }
      return found
    }
  }

  // `{ title, nav, pages }` as the eager module has it, each read when first used.
  const guide = {} as Guide
  const lazy = <K extends keyof Guide>(key: K, value: () => Guide[K]): PropertyDescriptor => ({
    enumerable: true,
    configurable: true,
    get() {
      const made = value()
      Object.defineProperty(guide, key, {
        value: made,
        enumerable: true,
        writable: true,
        configurable: true,
      })
      return made
    },
  })
  Object.defineProperties(guide, {
    title: lazy('title', () => index().title),
    nav: lazy('nav', () => index().nav),
    pages: lazy('pages', () => index().pages.map((page) => getPage(page.id))),
  })

  return {
    guide,
    getPage,
    getSection: finder<Section>('section', 'sections'),
    getFigure: finder<Figure>('figure', 'figures'),
  }
}

/** Loads one page's data: `() => import('./pages/docker.js')`. */
export type PageLoader = () => Promise<{ default: PageData }>

/**
 * What the index of a guide exports, typed by the guide's ids: the guide without its
 * pages' trees, the id lists, and `loadPage`, which loads one page's module on demand.
 */
export interface LazyGuideModule<
  P extends string = string,
  S extends IdsByPage<P> = IdsByPage<P>,
  F extends IdsByPage<P> = IdsByPage<P>,
> extends IdLists<P, S, F> {
  /** The guide's title, its nav, and each page but its tree. */
  guideIndex: GuideIndex<P>
  /**
   * The page with this id, its tree loaded from its own module (once: later calls get
   * the same object). Rejects with a `RangeError` for an unknown id.
   */
  loadPage(id: P): Promise<GuidePage<P>>
}

/**
 * The API over a guide's `index`, loading each page with its loader in `pages`, or with
 * `pages(id)`.
 */
export function lazyGuideModule(
  index: GuideIndex,
  pages: Readonly<Record<string, PageLoader>> | ((id: string) => ReturnType<PageLoader>),
): LazyGuideModule {
  const entries = new Map<string, PageEntry>(index.pages.map((page) => [page.id, page]))
  const loaded = new Map<string, Promise<GuidePage>>()
  const loaderOf = (id: string): PageLoader | undefined =>
    typeof pages === 'function' ? () => pages(id) : Object.hasOwn(pages, id) ? pages[id] : undefined
  const ids = (kind: 'sections' | 'figures') =>
    Object.fromEntries(index.pages.map((page) => [page.id, page[kind]]))

  function loadPage(id: string): Promise<GuidePage> {
    const load = entries.has(id) ? loaderOf(id) : undefined
    if (!load) return Promise.reject(unknown('page id', id, entries.keys()))
    let page = loaded.get(id)
    if (!page) {
      page = load().then((module) => pageOf(module.default))
      // A load that fails (a network error) is tried again by the next call.
      page.catch(() => loaded.delete(id))
      loaded.set(id, page)
    }
    return page
  }

  return {
    guideIndex: index,
    pageIds: index.pages.map((page) => page.id),
    sectionIds: ids('sections'),
    figureIds: ids('figures'),
    loadPage,
  }
}
