import type { Link } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { figuresOf, type GuideData, type PageData } from '../runtime/index.js'
import type { Guide, GuideIndex, GuidePage, NavItem, PageEntry } from '../types.js'
import { givenVersion } from './given.js'
import { localImages } from './images.js'
import { nodesOf, withoutPositions } from './walk.js'

/**
 * A guide as data, ready to be written as JSON: no positions, and each page without the
 * `sections` and `figures` the runtime derives again from its tree. The package's
 * build, `ai-engineer-content build` and the Vite plugin all serve this.
 */
export function guideData(guide: Guide): GuideData {
  let nav = navsCopied.get(guide.nav)
  if (!nav) navsCopied.set(guide.nav, (nav = withoutPositions(guide.nav)))
  return { title: guide.title, nav, pages: guide.pages.map(pageData) }
}

/**
 * Each nav as data, and its JSON, by the nav a load gave: a load that keeps the nav
 * (the Vite plugin's, on a save that changes no title) copies and serializes it once.
 */
const navsCopied = new WeakMap<NavItem[], NavItem[]>()
const navsJson = new WeakMap<NavItem[], string>()

/**
 * What the guide as a whole gave `page`, beyond its own parse: its `prev` and `next`,
 * where its links lead, its images' sizes. A page (the same object: the same parse) with
 * the same of these gives the same data.
 */
export function guideGiven(page: GuidePage): string {
  const version = givenVersion(page)
  const known = givens.get(page)
  if (known?.version === version) return known.json
  const json = givenJson(page)
  givens.set(page, { version, json })
  return json
}

/** {@link guideGiven} of each page, for the {@link givenVersion} it was made for. */
const givens = new WeakMap<GuidePage, { version: number; json: string }>()

function givenJson(page: GuidePage): string {
  return JSON.stringify([
    page.prev ?? null,
    page.next ?? null,
    nodesOf<Link>(page.tree, ['link']).map((link) => link.data?.pageLink ?? null),
    localImages(page.path, page.tree).map(({ node }) =>
      node.type === 'figure'
        ? [node.width ?? null, node.height ?? null]
        : [node.data?.hProperties?.width ?? null, node.data?.hProperties?.height ?? null],
    ),
  ])
}

const made = new WeakMap<GuidePage, { version: number; data: PageData }>()

/**
 * A page's data, as {@link guideData} gives it: made again only when the page or what the
 * guide gave it changed (a page the Vite plugin keeps across saves is copied once).
 */
export function pageData(page: GuidePage): PageData {
  const known = made.get(page)
  const version = givenVersion(page)
  if (known?.version === version) return known.data
  const data = withoutPositions(pageFields(page))
  made.set(page, { version, data })
  return data
}

const jsons = new WeakMap<PageData, string>()

/**
 * `JSON.stringify(page)`, made once for each version of a page's data (`guideData` keeps
 * the same object for a page that did not change), so a save does not serialize every page.
 */
export function pageDataJson(page: PageData): string {
  let json = jsons.get(page)
  if (json === undefined) jsons.set(page, (json = JSON.stringify(page)))
  return json
}

/**
 * A page's fields as the modules write them, sharing its tree (with positions): what
 * {@link guideData} gives for it, but for the positions.
 */
export function pageFields({
  id,
  path,
  title,
  prev,
  next,
  source,
  author,
  tree,
}: GuidePage): PageData {
  return {
    id,
    path,
    title,
    ...(prev === undefined ? {} : { prev }),
    ...(next === undefined ? {} : { next }),
    ...(source === undefined ? {} : { source }),
    ...(author === undefined ? {} : { author }),
    tree,
  }
}

/**
 * The index of a guide's data: its title, its nav, and each page but its tree, with the
 * page's headings (those that open or stand in its sections, as a table of contents
 * lists them) and its section and figure ids.
 */
export function guideIndex(data: GuideData): GuideIndex {
  return { title: data.title, nav: data.nav, pages: data.pages.map(pageEntry) }
}

const entries = new WeakMap<PageData, string>()

/**
 * `JSON.stringify(guideIndex(data))`, each page's entry made once a page's data (the Vite
 * plugin's data keeps the same object for a page that did not change).
 */
export function guideIndexJson(data: GuideData): string {
  const pages = data.pages.map((page) => {
    let json = entries.get(page)
    if (json === undefined) entries.set(page, (json = JSON.stringify(pageEntry(page))))
    return json
  })
  let nav = navsJson.get(data.nav)
  if (nav === undefined) navsJson.set(data.nav, (nav = JSON.stringify(data.nav)))
  const head = `{"title":${JSON.stringify(data.title)},"nav":${nav},"pages":[`
  const last = lastIndex
  if (
    last?.head === head &&
    last.pages.length === pages.length &&
    last.pages.every((json, index) => json === pages[index])
  )
    return last.json
  const json = `${head}${pages.join(',')}]}`
  lastIndex = { head, pages, json }
  return json
}

const pageEntries = new WeakMap<GuidePage, { version: number; json: string }>()

/**
 * `JSON.stringify` of `page`'s entry in the index ({@link guideIndex}), made again only
 * when the page (the same object: the same parse) or what the guide gave it changed:
 * `build --watch` keeps thousands of pages from one build to the next.
 */
export function pageEntryJson(page: GuidePage): string {
  const version = givenVersion(page)
  const known = pageEntries.get(page)
  if (known?.version === version) return known.json
  const json = JSON.stringify(pageEntry(pageFields(page)))
  pageEntries.set(page, { version, json })
  return json
}

/**
 * The last index made: a save that changes no entry (the Vite plugin's, of a page's
 * body) gets the same string, without joining thousands of entries again.
 */
let lastIndex: { head: string; pages: string[]; json: string } | undefined

function pageEntry({ tree, ...page }: PageData): PageEntry {
  return {
    ...page,
    headings: tree.children.flatMap((section) =>
      section.children.flatMap((node) =>
        node.type === 'heading' && node.data?.id
          ? [{ depth: node.depth, id: node.data.id, text: toString(node) }]
          : [],
      ),
    ),
    sections: tree.children.map((section) => section.id),
    figures: figuresOf(tree).map((figure) => figure.id),
  }
}
