/**
 * A guide as a whole, as mkdocs builds it: the pages of a folder (with or without an
 * `mkdocs.yml`), its nav, each page's `prev` and `next`, the links between pages, and
 * the literal id types generated from it.
 */
export {
  guideData,
  guideGiven,
  guideIndex,
  guideIndexJson,
  pageData,
  pageDataJson,
  pageEntryJson,
  pageFields,
} from './data.js'
export { PageCache, pipelineVersion } from './cache.js'
export { givenVersion } from './given.js'
export { writeIfChanged } from './files.js'
export {
  missed,
  parsedAfterMiss,
  quickLoad,
  saveLastLoad,
  saveQuickLoad,
  type ChangedPage,
  type LastBuild,
  type LoadKind,
  type QuickLoad,
  type QuickMiss,
} from './last-load.js'
export { imageFile, isImage, isImageOf, localImages, measureImages } from './images.js'
export { apiDeclarations, guideIds, idTypes, type GuideIds } from './ids.js'
export { resolveLinks, sectionOf, type LinkedPage } from './links.js'
export {
  guideName,
  loadGuide,
  isGuideFile,
  locateGuide,
  markdownFiles,
  navPages,
  type GuideLocation,
  type LoadedGuide,
  type LoadOptions,
  type ParsedPage,
} from './load.js'
export { readMkdocs, type MkdocsConfig, type NavEntry } from './mkdocs.js'
export {
  apiNames,
  eagerNames,
  indexNames,
  type ImageReference,
  type IndexLinks,
  declarationSource,
  indexSource,
  eagerSource,
  eagerImportsSource,
  syncSource,
  indexDataSource,
  indexJsonSource,
  moduleSource,
  pageJson,
  type PageJson,
  pageSource,
} from './source.js'
export { nodesOf, withoutPositions } from './walk.js'
