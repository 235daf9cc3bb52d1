/**
 * This package's own guide, compiled at build (`generated/guide.ts`), through the same
 * runtime as the module the Vite plugin serves and what `ai-engineer-content build`
 * writes, typed by the guide's literal ids.
 */
import type { Figure, Guide, GuidePage, Section } from './types.js'
import {
  data,
  type FigureId,
  type FigureIdsByPage,
  type PageId,
  type SectionId,
  type SectionIdsByPage,
} from './generated/guide.js'
import { guideModule, type GuideModule } from './runtime/index.js'

const compiled = guideModule(data) as unknown as GuideModule<
  PageId,
  SectionIdsByPage,
  FigureIdsByPage
>

/** The guide, parsed when this package was built: no parser is loaded. */
export const guide: Guide<PageId> = compiled.guide

/** Every page id, in the guide's order. */
export const pageIds: readonly PageId[] = compiled.pageIds

/** The section ids of each page, in order. */
export const sectionIds: { readonly [P in PageId]: readonly SectionId<P>[] } = compiled.sectionIds

/** The figure ids of each page, in order. */
export const figureIds: { readonly [P in PageId]: readonly FigureId<P>[] } = compiled.figureIds

/** The page with this id. Throws a `RangeError` for an unknown id. */
export function getPage(id: PageId): GuidePage<PageId> {
  return compiled.getPage(id)
}

/**
 * A section of a page, by the page's id and its own: `getSection('intro', 'opening')`.
 * An id that the page does not have is a type error; at run time it throws a
 * `RangeError` that lists the page's ids.
 */
export function getSection<P extends PageId>(page: P, id: SectionId<P>): Section {
  return compiled.getSection(page, id)
}

/** A figure of a page, by the page's id and its own. Throws a `RangeError` for an unknown id. */
export function getFigure<P extends PageId>(page: P, id: FigureId<P>): Figure {
  return compiled.getFigure(page, id)
}
