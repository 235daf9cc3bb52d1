/**
 * The literal id unions of a guide, as TypeScript source: what the package's build
 * writes into its generated module and what `@ai-engineer/content/vite` writes into a
 * project's declaration file, so both type ids the same way.
 */
import type { GuidePage } from '../types.js'

/** The ids of a guide, in order: pages, then sections and figures across pages. */
export interface GuideIds {
  pageIds: string[]
  sectionIds: string[]
  figureIds: string[]
}

/** The ids that `pages` define. */
export function guideIds(pages: readonly GuidePage[]): GuideIds {
  return {
    pageIds: pages.map((page) => page.id),
    sectionIds: pages.flatMap((page) => page.sections.map((node) => node.id)),
    figureIds: pages.flatMap((page) => page.figures.map((node) => node.id)),
  }
}

const union = (ids: readonly string[]): string =>
  ids.map((id) => JSON.stringify(id)).join(' | ') || 'never'

/** `export type PageId = 'intro' | …` and the same for sections and figures, documented. */
export function idTypes(ids: GuideIds, indent = ''): string {
  return [
    '/** The id of a page of the guide. */',
    `export type PageId = ${union(ids.pageIds)}`,
    '/** The id of a section of the guide. */',
    `export type SectionId = ${union(ids.sectionIds)}`,
    '/** The id of a figure of the guide. */',
    `export type FigureId = ${union(ids.figureIds)}`,
  ]
    .map((line) => indent + line)
    .join('\n')
}

/**
 * A message when two pages define the same section or figure id (ids are unique across
 * a guide), or `undefined` when every id is unique.
 */
export function duplicateId(pages: readonly GuidePage[]): string | undefined {
  for (const kind of ['sections', 'figures'] as const) {
    const seen = new Map<string, string>()
    for (const page of pages) {
      for (const node of page[kind]) {
        const other = seen.get(node.id)
        if (other !== undefined) {
          return `${kind.slice(0, -1)} id \`${node.id}\` is in pages \`${other}\` and \`${page.id}\`: ids must be unique across the guide (set them in frontmatter)`
        }
        seen.set(node.id, page.id)
      }
    }
  }
  return undefined
}
