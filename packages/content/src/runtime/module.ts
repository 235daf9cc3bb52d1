/**
 * The module that `@ai-engineer/content/vite` serves, built from a guide's data at run
 * time: the same names and behaviour as the package's main entry (`guide`, the id lists,
 * `getPage`, `getSection`, `getFigure`). Runs in the browser and in Node.js.
 */
import type { Figure, Guide, GuideAuthor, GuidePage, GuideRoot, Section } from '../types.js'

/** A page as a compiled guide holds it: no positions, sections and figures derived. */
export interface PageData {
  id: string
  title: string
  source?: string
  author?: GuideAuthor
  tree: GuideRoot
}

/** A compiled guide: its title and its pages. */
export interface GuideData {
  title: string
  pages: PageData[]
}

/** What the served module exports, typed by the guide's own ids. */
export interface GuideModule<
  P extends string = string,
  S extends string = string,
  F extends string = string,
> {
  guide: Guide<P>
  pageIds: readonly P[]
  sectionIds: readonly S[]
  figureIds: readonly F[]
  getPage(id: P): GuidePage<P>
  getSection(id: S): Section
  getFigure(id: F): Figure
}

function figuresOf(node: { type: string; children?: unknown[] }, into: Figure[] = []): Figure[] {
  if (node.type === 'figure') into.push(node as Figure)
  for (const child of (node.children ?? []) as { type: string }[]) figuresOf(child, into)
  return into
}

function finder<T extends { id: string }>(what: string, items: readonly T[]): (id: string) => T {
  const byId = new Map(items.map((item) => [item.id, item]))
  return (id) => {
    const found = byId.get(id)
    if (found) return found
    throw new RangeError(`Unknown ${what} id \`${id}\`; known: ${[...byId.keys()].join(', ')}`)
  }
}

/** The module's exports for `data`. */
export function guideModule(data: GuideData): GuideModule {
  const pages: GuidePage[] = data.pages.map((page) => ({
    ...page,
    sections: page.tree.children,
    figures: figuresOf(page.tree),
  }))
  const sections = pages.flatMap((page) => page.sections)
  const figures = pages.flatMap((page) => page.figures)
  return {
    guide: { title: data.title, pages },
    pageIds: pages.map((page) => page.id),
    sectionIds: sections.map((node) => node.id),
    figureIds: figures.map((node) => node.id),
    getPage: finder('page', pages),
    getSection: finder('section', sections),
    getFigure: finder('figure', figures),
  }
}
