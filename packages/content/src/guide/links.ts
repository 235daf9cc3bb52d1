/**
 * Links between the pages of a guide, as mkdocs reads them: a relative link to a
 * page's markdown file (`docker.md`, `../testing/api.md#locust`, `#basics` on the same
 * page) becomes a typed reference in the link's `data.pageLink` (the page, the section
 * its fragment names, the page it stands in). A link to a page the guide does not have,
 * or to an anchor the page does not have, is reported at its line and column.
 */
import type { Heading, Link } from 'mdast'
import type { Node, Parent } from 'unist'
import { posix } from 'node:path'
import type { VFile } from 'vfile'
import { report } from '../report/index.js'
import type { GuidePage, PageLink } from '../types.js'
import { givenChanged } from './given.js'
import { nodesOf } from './walk.js'

/** A page and the file its messages go to. */
export interface LinkedPage {
  page: GuidePage
  file: VFile
}

const scheme = /^[a-z][a-z\d+.-]*:/i

/** Each page's anchors: its section ids, then its headings' ids, each with its section. */
const anchorsOf = new WeakMap<GuidePage['sections'], Map<string, string>>()

/** The section of `page` that `anchor` names: a section id, or the id of a heading in it. */
export function sectionOf(page: Pick<GuidePage, 'sections'>, anchor: string): string | undefined {
  return pageAnchors(page).get(anchor)
}

/**
 * Every anchor of `page`, each with the section it names: its section ids (each its own
 * section), then the id of each heading, with the section it is in, unless an earlier
 * anchor has it.
 */
export function pageAnchors(page: Pick<GuidePage, 'sections'>): ReadonlyMap<string, string> {
  let anchors = anchorsOf.get(page.sections)
  if (!anchors) {
    anchors = new Map(page.sections.map((section) => [section.id, section.id]))
    for (const section of page.sections) addHeadingIds(section, section.id, anchors)
    anchorsOf.set(page.sections, anchors)
  }
  return anchors
}

/**
 * Add the id of each heading under `node` to `anchors`, for the section `section`, unless
 * an earlier one has it. A plain walk: a page's sections are walked once, here only, so
 * a list of each section's headings kept for later (`nodesOf`) would be kept for nothing.
 */
function addHeadingIds(node: Node, section: string, anchors: Map<string, string>): void {
  if (node.type === 'heading') {
    const id = (node as Heading).data?.id
    if (id !== undefined && !anchors.has(id)) anchors.set(id, section)
  }
  const children = (node as Partial<Parent>).children
  if (children) for (const child of children) addHeadingIds(child, section, anchors)
}

/** Where a link leads: a page's path and a fragment, or nowhere in the guide. */
type Target = { path: string; fragment: string } | undefined

/**
 * The page path and fragment a relative link to a markdown file names, or `undefined`.
 * Paths are resolved once for each folder and path (`inFolder`: those of the folder of
 * `from`): a guide's pages link to the same pages many times over.
 */
function target(url: string, from: string, inFolder: FolderPaths): Target {
  if (scheme.test(url) || url.startsWith('/')) return undefined
  const hash = url.indexOf('#')
  let rawPath = hash === -1 ? url : url.slice(0, hash)
  const query = rawPath.indexOf('?')
  if (query !== -1) rawPath = rawPath.slice(0, query)
  const fragment = hash === -1 ? '' : url.slice(hash + 1)
  if (rawPath === '') return fragment === '' ? undefined : { path: from, fragment }
  if (!/\.md$/i.test(rawPath)) return undefined
  let path = inFolder.paths.get(rawPath)
  if (path === undefined) {
    let decoded: string
    try {
      decoded = decodeURI(rawPath)
    } catch {
      decoded = rawPath
    }
    const { folder } = inFolder
    // A page beside this one (most links) needs no normalizing.
    path = decoded.includes('/')
      ? posix.normalize(posix.join(folder, decoded))
      : folder === '.'
        ? decoded
        : `${folder}/${decoded}`
    inFolder.paths.set(rawPath, path)
  }
  return { path, fragment }
}

/** A folder of the guide, and the page paths its pages' links name, by the path written. */
interface FolderPaths {
  folder: string
  paths: Map<string, string>
}

/** The pages links may lead to, by their path in the guide. */
export interface PagesByPath {
  get(path: string): GuidePage | undefined
}

/**
 * Each page whose links all led to pages of the guide when last resolved, with those
 * pages by path: while each path leads to the same page (the same parse), the page's
 * links lead where they led, and a load that keeps most pages (the Vite plugin's, on
 * each save) resolves again only the links of the pages saved and of those linking to them.
 */
const resolvedTo = new WeakMap<GuidePage, Map<string, GuidePage>>()

/** Whether each path of `led` leads to the same page in `byPath`. */
function leadsWhereItLed(led: ReadonlyMap<string, GuidePage>, byPath: PagesByPath): boolean {
  for (const [path, page] of led) if (byPath.get(path) !== page) return false
  return true
}

/**
 * Give every link between pages of `pages` its `data.pageLink`, and report those that
 * point to no page (`link-page`) or to no section of their page (`link-anchor`). A link
 * to a page of `failed` (paths of pages that did not parse, reported already) is left
 * as it is. Links lead to the pages of `pages`, or, given `targets`, to those it gives
 * (a load that resolves the links of a few pages against the rest of the guide).
 */
export function resolveLinks(
  pages: readonly LinkedPage[],
  failed: ReadonlySet<string> = new Set(),
  targets?: PagesByPath,
): void {
  const byPath = targets ?? new Map(pages.map(({ page }) => [page.path, page]))
  const folders = new Map<string, FolderPaths>()
  for (const { page, file } of pages) {
    const known = resolvedTo.get(page)
    if (known && leadsWhereItLed(known, byPath)) continue
    resolvedTo.delete(page)
    const leadsTo = new Map<string, GuidePage>()
    let reported = false
    const links = nodesOf<Link>(page.tree, ['link'])
    const folder = posix.dirname(page.path)
    let inFolder = folders.get(folder)
    if (!inFolder) folders.set(folder, (inFolder = { folder, paths: new Map() }))
    const ledBefore = links.map((link) => link.data?.pageLink)
    for (const link of links) {
      const before = link.data?.pageLink
      if (before) delete link.data!.pageLink
      const found = target(link.url, page.path, inFolder)
      if (!found) continue
      const to = byPath.get(found.path)
      if (!to && failed.has(found.path)) {
        reported = true
        continue
      }
      if (!to) {
        reported = true
        report(
          file,
          found.path.startsWith('../')
            ? `The link to \`${link.url}\` leaves the guide's folder: link to a page of the guide, or write a full URL`
            : `The link to \`${link.url}\` points to no page of the guide${link.url.startsWith(found.path) ? '' : ` (it names \`${found.path}\`)`}`,
          link.position,
          'link-page',
        )
        continue
      }
      leadsTo.set(found.path, to)
      const pageLink: PageLink = { page: to.id, from: page.id }
      if (found.fragment !== '') {
        const anchor = decodeFragment(found.fragment)
        const section = sectionOf(to, anchor)
        if (section === undefined) {
          reported = true
          report(
            file,
            `The link to \`${link.url}\` names \`#${anchor}\`, which is no section or heading of page \`${to.id}\` (${to.path}); its sections: ${to.sections.map((node) => node.id).join(', ')}`,
            link.position,
            'link-anchor',
          )
        } else pageLink.section = section
      }
      // A link that leads where it led keeps its reference (a tree that a cache keeps is
      // loaded again on every save, and most of its links do not change).
      if (
        before?.page === pageLink.page &&
        before.from === pageLink.from &&
        before.section === pageLink.section
      )
        link.data!.pageLink = before
      else link.data = { ...link.data, pageLink }
    }
    if (!reported) resolvedTo.set(page, leadsTo)
    if (links.some((link, index) => link.data?.pageLink !== ledBefore[index])) givenChanged(page)
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
