/**
 * The modules a compiled guide is served or written as. The Vite plugin serves them;
 * `ai-engineer-content build` writes them, with a declaration file of the API typed by
 * the guide's ids:
 *
 * - the index ({@link indexSource}): the guide's title, nav and page entries, the id
 *   lists and `loadPage`, and the whole-guide API re-exported from the eager module;
 * - the eager module ({@link moduleSource}): every page's tree, for `guide`, `getPage`,
 *   `getSection` and `getFigure`;
 * - one module a page ({@link pageSource}), which `loadPage` imports on demand.
 *
 * Nothing in the eager module runs unless one of its names is used (each statement is
 * pure), so a bundler drops it from an app that only loads pages: such an app ships the
 * index and the pages it opens.
 */
import type { GuideData, PageData } from '../runtime/index.js'
import { guideIndex } from './data.js'
import { apiDeclarations, idTypes, type GuideIds } from './ids.js'

/** The names of the whole-guide API, which the eager module exports. */
export const eagerNames = ['guide', 'getPage', 'getSection', 'getFigure'] as const

/** The names the index exports of its own. */
export const indexNames = ['guideIndex', 'pageIds', 'sectionIds', 'figureIds', 'loadPage'] as const

/** Every name the index exports: the main entry's API. */
export const apiNames = [...indexNames, ...eagerNames] as const

// JSON.parse of a string literal is the fastest way for an engine to load data, and a
// `@__PURE__` call is one a bundler may drop when nothing uses its result.
const parsed = (value: unknown): string =>
  `/* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))})`

/** The JavaScript of the eager module of `data`, importing `guideModule` from `runtime`. */
export function moduleSource(data: GuideData, runtime: string): string {
  return [
    `import { guideModule } from ${JSON.stringify(runtime)}`,
    `const m = /* @__PURE__ */ guideModule(${parsed(data)})`,
    // A property read may run a getter, so a bundler keeps it; a pure call it may drop.
    ...eagerNames.map((name) => `export const ${name} = /* @__PURE__ */ (() => m.${name})()`),
    '',
  ].join('\n')
}

/** Where the index finds the other modules: import specifiers. */
export interface IndexLinks {
  /** The module's runtime. */
  runtime: string
  /** The eager module. */
  eager: string
  /** The module of the page `id`. */
  page: (id: string) => string
}

/** The JavaScript of the index of `data`. */
export function indexSource(data: GuideData, links: IndexLinks): string {
  const loaders = data.pages.map(
    (page) => `  ${JSON.stringify(page.id)}: () => import(${JSON.stringify(links.page(page.id))}),`,
  )
  return [
    `import { lazyGuideModule } from ${JSON.stringify(links.runtime)}`,
    `export { ${eagerNames.join(', ')} } from ${JSON.stringify(links.eager)}`,
    `const m = lazyGuideModule(${parsed(guideIndex(data))}, {`,
    ...loaders,
    '})',
    `export const { ${indexNames.join(', ')} } = m`,
    '',
  ].join('\n')
}

/** The JavaScript of a page's module: its data, as `default`. */
export function pageSource(page: PageData): string {
  return `export default ${parsed(page)}\n`
}

/** The declaration file of the index: the guide's id types and the API typed by them. */
export function declarationSource(ids: GuideIds): string {
  return [
    "import type { Figure, Guide, GuideIndex, GuidePage, Section } from '@ai-engineer/content/parse'",
    "export type * from '@ai-engineer/content/parse'",
    '',
    idTypes(ids),
    '',
    apiDeclarations(),
    '',
  ].join('\n')
}
