/**
 * "So You Wana Be an AI Engineer?" as a typed mdast tree, compiled ahead of
 * time: importing this module loads data, not a parser.
 */
export {
  guide,
  guideIndex,
  loadPage,
  getPage,
  getSection,
  getFigure,
  pageIds,
  sectionIds,
  figureIds,
} from './compiled.js'
export type {
  PageId,
  SectionId,
  FigureId,
  SectionIdsByPage,
  FigureIdsByPage,
} from './generated/guide.js'
export {
  isSafeUrl,
  pageUrl,
  relativeLinkUrl,
  safeProtocols,
  type LinkUrl,
  type LinkUrlContext,
} from './runtime/index.js'
export type * from './types.js'
