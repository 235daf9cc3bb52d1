/**
 * `llms.txt` (llmstxt.org): the guide's title and, by the nav's groups, a link to each
 * page with its first sentence, for language models reading the site.
 */
import { derivePage } from '@ai-engineer/content/derived'
import type { APIRoute } from 'astro'
import { entries, href } from '../lib/guide.ts'

export const GET: APIRoute = async ({ site }) => {
  const all = await entries()
  const first = all[0]
  const lines = [`# ${first?.data.guide.title ?? 'Guide'}`, '']
  let group = ''
  for (const entry of all) {
    const heading = entry.data.groups.map((item) => item.title).join(' / ') || 'Pages'
    if (heading !== group) {
      lines.push(...(group === '' ? [] : ['']), `## ${heading}`, '')
      group = heading
    }
    const excerpt = derivePage({ id: entry.id, title: entry.data.title, tree: entry.data.tree })
      .sections[0]?.excerpt
    const url = new URL(href(entry.id), site).href
    lines.push(`- [${entry.data.title}](${url})${excerpt ? `: ${excerpt}` : ''}`)
  }
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain' } })
}
