/**
 * This package's own guide, compiled at build (`generated/guide.ts`), through the same
 * runtime as the module the Vite plugin serves and what `ai-engineer-content build`
 * writes, typed by the guide's literal ids.
 */
import type { Figure, Guide, GuideIndex, GuidePage, Section } from './types.js'
import {
  data,
  index,
  pages,
  type FigureId,
  type FigureIdsByPage,
  type PageId,
  type SectionId,
  type SectionIdsByPage,
} from './generated/guide.js'
import {
  guideModule,
  lazyGuideModule,
  type GuideModule,
  type LazyGuideModule,
} from './runtime/index.js'

// Pure: a bundler drops the whole guide from an app that uses only the index and loadPage.
const compiled = /* @__PURE__ */ guideModule(data) as unknown as GuideModule<
  PageId,
  SectionIdsByPage,
  FigureIdsByPage
>

const lazy = lazyGuideModule(index, pages) as unknown as LazyGuideModule<
  PageId,
  SectionIdsByPage,
  FigureIdsByPage
>

/** The guide without its pages' trees: its title, its nav and an entry a page. */
export const guideIndex: GuideIndex<PageId> = lazy.guideIndex

/**
 * The page with this id, its tree loaded from its own module: an app that shows one page
 * loads that page only. Rejects with a `RangeError` for an unknown id.
 */
export function loadPage(id: PageId): Promise<GuidePage<PageId>> {
  return lazy.loadPage(id)
}

/** The guide, parsed when this package was built, every page's tree included: no parser is loaded. */
export const guide: Guide<PageId> = /* @__PURE__ */ (() => compiled.guide)()

/** Every page id, in the guide's order. */
export const pageIds: readonly PageId[] = lazy.pageIds

/** The section ids of each page, in order. */
export const sectionIds: { readonly [P in PageId]: readonly SectionId<P>[] } = lazy.sectionIds

/** The figure ids of each page, in order. */
export const figureIds: { readonly [P in PageId]: readonly FigureId<P>[] } = lazy.figureIds

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
