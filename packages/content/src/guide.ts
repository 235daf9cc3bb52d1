import type { Figure, Guide, GuidePage, Section } from './types.js'
import { data, type FigureId, type PageId, type SectionId } from './generated/guide.js'

const pages: GuidePage<PageId>[] = data.pages.map((page) => {
  const figures: Figure[] = []
  collectFigures(page.tree.children, figures)
  return { ...page, sections: page.tree.children, figures }
})

function collectFigures(nodes: readonly { type: string }[], into: Figure[]): void {
  for (const node of nodes) {
    if (node.type === 'figure') into.push(node as Figure)
    else if ('children' in node) collectFigures(node.children as { type: string }[], into)
  }
}

/** The guide, parsed when this package was built: no parser is loaded. */
export const guide: Guide<PageId> = { title: data.title, pages }

const pageById = new Map<string, GuidePage<PageId>>(pages.map((page) => [page.id, page]))
const sectionById = new Map<string, Section>(
  pages.flatMap((page) => page.sections.map((node) => [node.id, node] as const)),
)
const figureById = new Map<string, Figure>(
  pages.flatMap((page) => page.figures.map((node) => [node.id, node] as const)),
)

function lookup<T>(map: Map<string, T>, id: string, what: string): T {
  const found = map.get(id)
  if (found === undefined) {
    throw new RangeError(`Unknown ${what} id \`${id}\`; known: ${[...map.keys()].join(', ')}`)
  }
  return found
}

/** The page with this id. Throws a `RangeError` for an unknown id. */
export function getPage(id: PageId): GuidePage<PageId> {
  return lookup(pageById, id, 'page')
}

/** The section with this id, in whichever page holds it. Throws a `RangeError` for an unknown id. */
export function getSection(id: SectionId): Section {
  return lookup(sectionById, id, 'section')
}

/** The figure with this id. Throws a `RangeError` for an unknown id. */
export function getFigure(id: FigureId): Figure {
  return lookup(figureById, id, 'figure')
}
