/**
 * One document per section of the guide, ready for a client-side search index
 * (MiniSearch, FlexSearch, Orama, …), computed when the package was built.
 */
import { derivedPages } from '../generated/derived-data.js'
import type { PageId, SectionId } from '../generated/guide.js'
import { pageUrl } from '../runtime/index.js'

/** A section as a search document. */
export interface SearchDocument {
  /** Unique across the guide: the page's id and the section's, `intro#opening`. */
  id: string
  /** The id of the page that holds the section. */
  page: PageId
  /** The section's id, unique within its page. */
  section: SectionId
  /** The section's heading, or else its first sentence (shortened). */
  title: string
  /** The section's plain text. */
  text: string
  /**
   * Where the section is, relative to the guide's root, with each page at `<id>/` and the
   * fragment `toHtml` and `toJsx` output answer to: `intro/#user-content-opening`.
   */
  url: string
}

/** Every section of the guide, in order. */
export const searchDocuments: SearchDocument[] = derivedPages.flatMap((page) =>
  page.sections.map((section) => ({
    id: `${page.id}#${section.id}`,
    page: page.id as PageId,
    section: section.id as SectionId,
    title: section.title,
    text: section.text,
    url: `${pageUrl(page.id)}${section.url}`,
  })),
)

/** The fields of a {@link SearchDocument} worth indexing for full-text search. */
export const searchFields = ['title', 'text'] as const
