/**
 * The content package, read fresh.
 *
 * Node caches an ES module for the whole process, and Slidev's loader (jiti) cannot
 * bypass that cache, so a dev server that imported `@ai-engineer/content` would keep the
 * guide it saw at start-up after the package is rebuilt (CONTRIBUTING.md, "Toolchain").
 * `loadContent()` asks a short-lived Node process for the package's data instead:
 * the guide is plain JSON, so nothing is lost on the way.
 */
import type {
  Figure,
  FigureId,
  Guide,
  GuidePage,
  PageId,
  Section,
  SectionId,
} from '@ai-engineer/content'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The part of `@ai-engineer/content` the preparser uses. */
export interface Content {
  guide: Guide<PageId>
  pageIds: readonly PageId[]
  sectionIds: readonly SectionId[]
  figureIds: readonly FigureId[]
  getPage(id: PageId): GuidePage<PageId>
  getSection(id: SectionId): Section
  getFigure(id: FigureId): Figure
}

type ContentData = Pick<Content, 'guide' | 'pageIds' | 'sectionIds' | 'figureIds'>

const require = createRequire(import.meta.url)

/** The folder of the content package: what a dev server watches. */
export function contentPackageDir(): string {
  return dirname(require.resolve('@ai-engineer/content/package.json'))
}

/** `@ai-engineer/content` as it is on disk now. */
export function loadContent(): Content {
  const entry = pathToFileURL(require.resolve('@ai-engineer/content')).href
  const script =
    `const m = await import(${JSON.stringify(entry)});` +
    'process.stdout.write(JSON.stringify({ guide: m.guide, pageIds: m.pageIds, ' +
    'sectionIds: m.sectionIds, figureIds: m.figureIds }))'
  const data = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as ContentData

  const find = <Node extends { id: string }>(
    kind: string,
    nodes: Node[],
    known: readonly string[],
    id: string,
  ): Node => {
    const node = nodes.find((candidate) => candidate.id === id)
    if (!node) throw new RangeError(`Unknown ${kind} id ${JSON.stringify(id)}: ${known.join(', ')}`)
    return node
  }
  const pages = data.guide.pages
  return {
    ...data,
    getPage: (id) => find('page', pages, data.pageIds, id),
    getSection: (id) =>
      find(
        'section',
        pages.flatMap((page) => page.sections),
        data.sectionIds,
        id,
      ),
    getFigure: (id) =>
      find(
        'figure',
        pages.flatMap((page) => page.figures),
        data.figureIds,
        id,
      ),
  }
}
