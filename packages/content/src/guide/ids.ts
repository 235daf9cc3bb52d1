/**
 * The literal id types of a guide, as TypeScript source: what the package's build
 * writes into its generated module, what `ai-engineer-content build` writes into its
 * declaration file and what `@ai-engineer/content/vite` writes into a project's, so
 * all three type ids the same way. Section and figure ids are typed by their page.
 */
import type { GuidePage } from '../types.js'

/** The ids of a guide, in order: pages, and each page's sections and figures. */
export interface GuideIds {
  pageIds: string[]
  sectionIds: Record<string, string[]>
  figureIds: Record<string, string[]>
}

/** The ids that `pages` define. */
export function guideIds(
  pages: readonly Pick<GuidePage, 'id' | 'sections' | 'figures'>[],
): GuideIds {
  return {
    pageIds: pages.map((page) => page.id),
    sectionIds: Object.fromEntries(
      pages.map((page) => [page.id, page.sections.map((node) => node.id)]),
    ),
    figureIds: Object.fromEntries(
      pages.map((page) => [page.id, page.figures.map((node) => node.id)]),
    ),
  }
}

const union = (ids: readonly string[]): string =>
  ids.map((id) => JSON.stringify(id)).join(' | ') || 'never'

const byPage = (ids: Record<string, string[]>, indent: string): string[] =>
  Object.entries(ids).map(([page, own]) => `${indent}  ${JSON.stringify(page)}: ${union(own)}`)

/**
 * `export type PageId = 'intro' | …`, the section and figure ids of each page
 * (`SectionIdsByPage`, `FigureIdsByPage`) and `SectionId<P>`, `FigureId<P>`, documented.
 */
export function idTypes(ids: GuideIds, indent = ''): string {
  return [
    '/** The id of a page of the guide. */',
    `export type PageId = ${union(ids.pageIds)}`,
    '/** The section ids of each page. */',
    'export interface SectionIdsByPage {',
    ...byPage(ids.sectionIds, ''),
    '}',
    '/** The figure ids of each page. */',
    'export interface FigureIdsByPage {',
    ...byPage(ids.figureIds, ''),
    '}',
    '/** The id of a section of page `P` (of any page when `P` is not given). */',
    'export type SectionId<P extends PageId = PageId> = SectionIdsByPage[P]',
    '/** The id of a figure of page `P` (of any page when `P` is not given). */',
    'export type FigureId<P extends PageId = PageId> = FigureIdsByPage[P]',
  ]
    .map((line) => indent + line)
    .join('\n')
}

/**
 * The declarations of a module with the main entry's API, typed by the ids (after
 * {@link idTypes}): what `build`'s `index.d.ts` and the Vite plugin's module declare.
 */
export function apiDeclarations(indent = ''): string {
  return [
    '/** The guide without its pages’ trees: its title, its nav and an entry a page. */',
    'export const guideIndex: GuideIndex<PageId>',
    '/** The page with this id, its tree loaded from its own module. Rejects with a `RangeError` for an unknown id. */',
    'export function loadPage(id: PageId): Promise<GuidePage<PageId>>',
    '/** The guide, compiled from its markdown, every page’s tree included. */',
    'export const guide: Guide<PageId>',
    '/** Every page id, in the guide’s order. */',
    'export const pageIds: readonly PageId[]',
    '/** The section ids of each page, in order. */',
    'export const sectionIds: { readonly [P in PageId]: readonly SectionId<P>[] }',
    '/** The figure ids of each page, in order. */',
    'export const figureIds: { readonly [P in PageId]: readonly FigureId<P>[] }',
    '/** The page with this id. Throws a `RangeError` for an unknown id. */',
    'export function getPage(id: PageId): GuidePage<PageId>',
    '/** A section of a page, by the page’s id and its own. Throws a `RangeError` for an unknown id. */',
    'export function getSection<P extends PageId>(page: P, id: SectionId<P>): Section',
    '/** A figure of a page, by the page’s id and its own. Throws a `RangeError` for an unknown id. */',
    'export function getFigure<P extends PageId>(page: P, id: FigureId<P>): Figure',
  ]
    .map((line) => indent + line)
    .join('\n')
}
