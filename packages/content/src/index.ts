/**
 * "So You Wana Be an AI Engineer?" as a typed mdast tree, compiled ahead of
 * time: importing this module loads data, not a parser.
 */
export { guide, getPage, getSection, getFigure } from './compiled.js'
export { pageIds, sectionIds, figureIds } from './generated/guide.js'
export type { PageId, SectionId, FigureId } from './generated/guide.js'
export { isSafeUrl, safeProtocols } from './runtime/index.js'
export type * from './types.js'
