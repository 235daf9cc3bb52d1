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
import { localImages } from './images.js'
import { apiDeclarations, idTypes, type GuideIds } from './ids.js'

/** The names of the whole-guide API, which the eager module exports. */
export const eagerNames = ['guide', 'getPage', 'getSection', 'getFigure'] as const

/** The names the index exports of its own. */
export const indexNames = ['guideIndex', 'pageIds', 'sectionIds', 'figureIds', 'loadPage'] as const

/** Every name the index exports: the main entry's API. */
export const apiNames = [...indexNames, ...eagerNames] as const

// JSON.parse of a string literal is the fastest way for an engine to load data, and a
// `@__PURE__` call is one a bundler may drop when nothing uses its result.
const parsedLiteral = (literal: string, reviver?: string): string =>
  `/* @__PURE__ */ JSON.parse(${literal}${reviver ? `, ${reviver}` : ''})`
const parsed = (value: unknown): string => parsedLiteral(JSON.stringify(JSON.stringify(value)))

/**
 * The JavaScript of the eager module of `data`, importing `guideModule` from `runtime`:
 * every page's tree, with the whole-guide API over them. Each image whose `src` is a
 * relative path becomes the URL that `image` gives for its file.
 */
export function moduleSource(
  data: GuideData,
  runtime: string,
  image?: (file: string) => ImageReference | undefined,
): string {
  return eagerSource(
    data.title,
    data.nav,
    data.pages.map((page) => pageJson(page, image)),
    runtime,
    image,
  )
}

/**
 * The eager module of a guide titled `title` with `nav`, from its pages' JSON
 * ({@link pageJson}, made with the same `image`): what {@link moduleSource} writes.
 */
export function eagerSource(
  title: string,
  nav: GuideData['nav'],
  pages: readonly PageJson[],
  runtime: string,
  image?: (file: string) => ImageReference | undefined,
): string {
  const images = imageLines(
    pages.flatMap((page) => page.images),
    image,
  )
  // The JSON of the whole as a string literal, from the pages' own: escaping a string
  // escapes each part of it alone, and one call on a string this size is slow.
  const inner = (text: string): string => JSON.stringify(text).slice(1, -1)
  const literal = `"${inner(`{"title":${JSON.stringify(title)},"nav":${JSON.stringify(nav)},"pages":[`)}${pages
    .map((page) => page.literal.slice(1, -1))
    .join(',')}]}"`
  return [
    `import { guideModule } from ${JSON.stringify(runtime)}`,
    ...images.lines,
    `const m = /* @__PURE__ */ guideModule(${parsedLiteral(literal, images.reviver)})`,
    // A property read may run a getter, so a bundler keeps it; a pure call it may drop.
    ...eagerNames.map((name) => `export const ${name} = /* @__PURE__ */ (() => m.${name})()`),
    '',
  ].join('\n')
}

/**
 * The eager module of a guide titled `title` with `nav` whose pages are modules of their
 * own (`pages`, import specifiers in the nav's order, each {@link pageSource}'s): it
 * imports them rather than holding their data, so a page that changed changes its own
 * module only. A bundler drops it, and the pages with it, from an app that does not use it.
 */
export function eagerImportsSource(
  title: string,
  nav: GuideData['nav'],
  pages: readonly string[],
  runtime: string,
): string {
  return [
    `import { guideModule } from ${JSON.stringify(runtime)}`,
    ...pages.map((page, index) => `import p${index} from ${JSON.stringify(page)}`),
    `const m = /* @__PURE__ */ guideModule({ title: ${JSON.stringify(title)}, nav: ${parsed(nav)}, pages: [${pages.map((_, index) => `p${index}`).join(', ')}] })`,
    ...eagerNames.map((name) => `export const ${name} = /* @__PURE__ */ (() => m.${name})()`),
    '',
  ].join('\n')
}

/**
 * The JavaScript of the whole-guide API for Node.js: each page's module loaded (by
 * `require`, synchronously) when a name first needs it, so importing the index reads the
 * index alone. `index` is the index module (which imports this one: the cycle is safe, as
 * the index is read only when a name is used), and the module of the page `id` is
 * `${pages}${id}.js`, relative to this one.
 */
export function syncSource(runtime: string, index: string, pages: string): string {
  return [
    "import { createRequire } from 'node:module'",
    `import { syncGuideModule } from ${JSON.stringify(runtime)}`,
    `import { guideIndex } from ${JSON.stringify(index)}`,
    'const require = createRequire(import.meta.url)',
    `const m = syncGuideModule(() => guideIndex, (id) => require(${JSON.stringify(pages)} + id + '.js').default)`,
    `export const { ${eagerNames.join(', ')} } = m`,
    '',
  ].join('\n')
}

/**
 * How a module refers to an image file of the guide (relative to its folder): a default
 * import of a specifier whose value is the image's URL (Vite's `?url`), or an expression
 * (`new URL('../assets/…', import.meta.url).href`).
 */
export type ImageReference = { import: string } | { expression: string }

/** Where the index finds the other modules: import specifiers. */
export interface IndexLinks {
  /** The module's runtime. */
  runtime: string
  /** The eager module, which the index re-exports the whole-guide API from; none without. */
  eager?: string
  /**
   * The module of the page `id`, which the index's loaders import. Without it, the
   * loaders are the `pages` that `data` exports.
   */
  page?: (id: string) => string
  /**
   * Instead of `page`: the URL of the page modules up to the page's id, which a loader
   * completes at run time (`prefix + encodeURIComponent(id)`), so the index names no page
   * module and serving it again costs nothing a page; with `stamps`, the Vite dev
   * server's `t` query of each page that changed since the index was first served, so the
   * browser loads the page's new version instead of the one it holds.
   */
  pageUrl?: { prefix: string; stamps: ReadonlyMap<string, number> }
  /**
   * A module that exports the guide's index as `index` ({@link indexDataSource}), and its
   * loaders as `pages` when `page` is not given: the index imports them instead of
   * holding them itself.
   */
  data?: string
}

/** The JavaScript of an object of loaders, one a page: `{ "docker": () => import(…) }`. */
function loadersSource(ids: readonly string[], page: (id: string) => string): string {
  const lines = ids.map(
    (id) => `  ${JSON.stringify(id)}: () => import(${JSON.stringify(page(id))}),`,
  )
  return ['{', ...lines, '}'].join('\n')
}

/** The JavaScript of `url(id)`, the URL of a page's module ({@link IndexLinks.pageUrl}). */
function pageUrlSource({ prefix, stamps }: NonNullable<IndexLinks['pageUrl']>): string[] {
  return [
    `const stamps = new Map(${JSON.stringify([...stamps])})`,
    `const url = (id) => ${JSON.stringify(prefix)} + encodeURIComponent(id) + (stamps.has(id) ? '&t=' + stamps.get(id) : '')`,
  ]
}

/** The JavaScript of the index of `data`. */
export function indexSource(data: GuideData, links: IndexLinks): string {
  const names = links.page || links.pageUrl ? 'index' : 'index, pages'
  const loaders = links.pageUrl
    ? '(id) => import(/* @vite-ignore */ url(id))'
    : links.page
      ? loadersSource(
          data.pages.map((page) => page.id),
          links.page,
        )
      : 'pages'
  return [
    `import { lazyGuideModule } from ${JSON.stringify(links.runtime)}`,
    ...(links.data ? [`import { ${names} } from ${JSON.stringify(links.data)}`] : []),
    ...(links.pageUrl ? pageUrlSource(links.pageUrl) : []),
    ...(links.eager
      ? [`export { ${eagerNames.join(', ')} } from ${JSON.stringify(links.eager)}`]
      : []),
    `const m = lazyGuideModule(${links.data ? 'index' : parsed(guideIndex(data))}, ${loaders})`,
    `export const { ${indexNames.join(', ')} } = m`,
    '',
  ].join('\n')
}

/**
 * The JavaScript of a module that exports as `index` the index whose JSON is `json`, and,
 * given the pages' ids and modules, a loader a page as `pages`.
 */
export function indexDataSource(
  json: string,
  pages?: { ids: readonly string[]; page: (id: string) => string },
): string {
  return [
    `export const index = ${parsedLiteral(JSON.stringify(json))}`,
    ...(pages ? [`export const pages = ${loadersSource(pages.ids, pages.page)}`] : []),
    '',
  ].join('\n')
}

/**
 * The JavaScript of a module, for Node.js, that exports as `index` the index read from
 * `json` and as `pages` one loader of every page, `${folder}${id}.js` (both relative to
 * the module). Reading a file and `JSON.parse` take less time than the engine takes to
 * read the same JSON as a string literal in a module, and Node.js needs no loader a page.
 */
export function indexJsonSource(json: string, folder: string): string {
  return [
    "import { readFileSync } from 'node:fs'",
    `export const index = JSON.parse(readFileSync(new URL(${JSON.stringify(json)}, import.meta.url), 'utf8'))`,
    `export const pages = (id) => import(${JSON.stringify(folder)} + id + '.js')`,
    '',
  ].join('\n')
}

/**
 * The JavaScript of a page's module: its data, as `default`. Each image whose `src` is a
 * relative path becomes the URL that `image` gives for its file. The page may be given
 * as its JSON ({@link pageJson}, made with the same `image`).
 */
export function pageSource(
  page: PageData | PageJson,
  image?: (file: string) => ImageReference | undefined,
): string {
  const { literal, images: files } = 'literal' in page ? page : pageJson(page, image)
  const images = imageLines(files, image)
  return [...images.lines, `export default ${parsedLiteral(literal, images.reviver)}`, ''].join(
    '\n',
  )
}

/**
 * A page's data as the modules write it: its JSON as a string literal, in which each
 * relative `src` (figures) and `url` (images) whose file `image` has is that file's path
 * in the guide's folder (the modules' reviver turns it into the URL), and those files in
 * order.
 */
export interface PageJson {
  literal: string
  images: string[]
}

/** The JSON of `page` as its module and the eager module write it. */
export function pageJson(
  page: PageData,
  image?: (file: string) => ImageReference | undefined,
): PageJson {
  const images: string[] = []
  // Each image's `src` is set to its file while the JSON is made, then set back (the
  // data may be shared: the Vite plugin keeps it across saves), rather than copying the tree.
  const undo: (() => void)[] = []
  for (const { node, file } of image ? localImages(page.path, page.tree) : []) {
    // An image the output does not have (missing, with `image-file` set to `warn`)
    // keeps its `src` as written.
    if (!image!(file)) continue
    if (node.type === 'figure') {
      const { src } = node
      node.src = file
      undo.push(() => (node.src = src))
    } else {
      const { url } = node
      node.url = file
      undo.push(() => (node.url = url))
    }
    if (!images.includes(file)) images.push(file)
  }
  try {
    return { literal: JSON.stringify(JSON.stringify(page)), images }
  } finally {
    for (const step of undo) step()
  }
}

/** The declarations of the URLs of `files` (each once), and the reviver that puts them in. */
function imageLines(
  files: readonly string[],
  image: ((file: string) => ImageReference | undefined) | undefined,
): { lines: string[]; reviver: string | undefined } {
  const names = new Map<string, string>()
  const lines: string[] = []
  for (const file of files) {
    const reference = names.has(file) ? undefined : image?.(file)
    if (!reference) continue
    const name = `i${names.size}`
    names.set(file, name)
    lines.push(
      'import' in reference
        ? `import ${name} from ${JSON.stringify(reference.import)}`
        : `const ${name} = ${reference.expression}`,
    )
  }
  if (names.size === 0) return { lines, reviver: undefined }
  const entries = [...names].map(([file, name]) => `${JSON.stringify(file)}: ${name}`)
  lines.push(`const images = { ${entries.join(', ')} }`)
  const reviver =
    "(key, value) => (key === 'src' || key === 'url') && typeof value === 'string' && Object.hasOwn(images, value) ? images[value] : value"
  return { lines, reviver }
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
