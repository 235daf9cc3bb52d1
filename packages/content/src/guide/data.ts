import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { GuideData, PageData } from '../runtime/index.js'
import type { Guide, GuideIndex, GuidePage } from '../types.js'
import { withoutPositions } from './walk.js'

/**
 * A guide as data, ready to be written as JSON: no positions, and each page without the
 * `sections` and `figures` the runtime derives again from its tree. The package's
 * build, `ai-engineer-content build` and the Vite plugin all serve this.
 */
export function guideData(guide: Guide): GuideData {
  return withoutPositions({
    title: guide.title,
    nav: guide.nav,
    pages: guide.pages.map(pageFields),
  })
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
  return {
    title: data.title,
    nav: data.nav,
    pages: data.pages.map(({ tree, ...page }) => ({
      ...page,
      headings: tree.children.flatMap((section) =>
        section.children.flatMap((node) =>
          node.type === 'heading' && node.data?.id
            ? [{ depth: node.depth, id: node.data.id, text: toString(node) }]
            : [],
        ),
      ),
      sections: tree.children.map((section) => section.id),
      figures: figureIdsOf(tree),
    })),
  }
}

function figureIdsOf(node: Nodes, into: string[] = []): string[] {
  if (node.type === 'figure') into.push(node.id)
  if ('children' in node) for (const child of node.children) figureIdsOf(child, into)
  return into
}
