/** `robots.txt`: every page may be crawled; where the sitemap is. */
import type { APIRoute } from 'astro'

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${import.meta.env.BASE_URL}sitemap-index.xml`, site).href}\n`,
    { headers: { 'content-type': 'text/plain' } },
  )
