/**
 * The search index's documents, one a section of every page (its heading or first
 * sentence, its text, its URL): fetched by the search box the first time it is used.
 */
import { derivePage } from '@ai-engineer/content/derived'
import type { APIRoute } from 'astro'
import { entries, href } from '../lib/guide.ts'

export interface SiteSearchDocument {
  id: string
  page: string
  title: string
  text: string
  url: string
}

export const GET: APIRoute = async () => {
  const documents: SiteSearchDocument[] = (await entries()).flatMap((entry) =>
    derivePage({ id: entry.id, title: entry.data.title, tree: entry.data.tree }).sections.map(
      (section) => ({
        id: `${entry.id}#${section.id}`,
        page: entry.data.title,
        title: section.title,
        text: section.text,
        url: href(entry.id, section.id),
      }),
    ),
  )
  return new Response(JSON.stringify(documents), {
    headers: { 'content-type': 'application/json' },
  })
}
