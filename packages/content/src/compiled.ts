import type { Figure, Guide, GuidePage, Section } from './types.js'
import { data, type FigureId, type PageId, type SectionId } from './generated/guide.js'
import { guideModule, type GuideModule } from './runtime/index.js'

// The same runtime as the module the Vite plugin serves, over the data compiled at build.
const compiled = guideModule(data) as GuideModule<PageId, SectionId, FigureId>

/** The guide, parsed when this package was built: no parser is loaded. */
export const guide: Guide<PageId> = compiled.guide

/** The page with this id. Throws a `RangeError` for an unknown id. */
export function getPage(id: PageId): GuidePage<PageId> {
  return compiled.getPage(id)
}

/** The section with this id, in whichever page holds it. Throws a `RangeError` for an unknown id. */
export function getSection(id: SectionId): Section {
  return compiled.getSection(id)
}

/** The figure with this id. Throws a `RangeError` for an unknown id. */
export function getFigure(id: FigureId): Figure {
  return compiled.getFigure(id)
}
