/**
 * One document per section of the guide, ready for a client-side search index
 * (MiniSearch, FlexSearch, Orama, …), computed when the package was built.
 */
import { derivedPages } from '../generated/derived-data.js'
import type { PageId, SectionId } from '../generated/guide.js'

/** A section as a search document. */
export interface SearchDocument {
  /** The section's id: unique across the guide. */
  id: SectionId
  /** The id of the page that holds it. */
  page: PageId
  /** The section's heading, or else its first sentence (shortened). */
  title: string
  /** The section's plain text. */
  text: string
  /** The fragment that `toHtml` and `toJsx` output answer to: `#user-content-<id>`. */
  url: string
}

/** Every section of the guide, in order. */
export const searchDocuments: SearchDocument[] = derivedPages.flatMap((page) =>
  page.sections.map((section) => ({
    id: section.id as SectionId,
    page: page.id as PageId,
    title: section.title,
    text: section.text,
    url: section.url,
  })),
)

/** The fields of a {@link SearchDocument} worth indexing for full-text search. */
export const searchFields = ['title', 'text'] as const
