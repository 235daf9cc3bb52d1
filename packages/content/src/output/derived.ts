/**
 * What is derived from the guide, computed when the package was built: for
 * each page a table of contents, its word count and reading time; for each
 * section its title, plain text and excerpt. `derivePage` computes the same
 * for a page of your own (from `parseGuide`).
 */
import { derivedPages } from '../generated/derived-data.js'
import type { PageId } from '../generated/guide.js'
import type { DerivedPage } from './derive.js'

export { derivedPages }
export { derivePage, excerptLength, wordsPerMinute } from './derive.js'
export type { DerivedPage, DerivedSection, TocEntry } from './derive.js'

const byId = new Map(derivedPages.map((page) => [page.id, page]))

/** What is derived from the page with this id. Throws a `RangeError` for an unknown id. */
export function getDerivedPage(id: PageId): DerivedPage {
  const found = byId.get(id)
  if (found === undefined) {
    throw new RangeError(`Unknown page id \`${id}\`; known: ${[...byId.keys()].join(', ')}`)
  }
  return found
}
