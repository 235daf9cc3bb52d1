/**
 * Where a link between pages points, as a URL: by default a URL relative to the page
 * the link stands in, each page at `<id>/` (mkdocs' `use_directory_urls`), so a link
 * from `testing/api` to `docker`'s section `basics` is `../../docker/#basics`.
 */
import type { PageLink } from '../types.js'

/** What a renderer tells {@link LinkUrl} about itself. */
export interface LinkUrlContext {
  /**
   * What the renderer puts before every id it writes: `user-content-` for `toHtml` and
   * `toJsx` (the sanitizer's prefix, so ids cannot clobber globals), `''` for the Vue
   * components.
   */
  idPrefix: string
}

/** The one option every renderer takes to make a link between pages a URL. */
export type LinkUrl = (link: PageLink, context: LinkUrlContext) => string

/** The URL path of a page, relative to the guide's root: `docker/`; `index` is `''`. */
export function pageUrl(page: string): string {
  if (page === 'index') return ''
  return page.endsWith('/index') ? page.slice(0, -'index'.length) : `${page}/`
}

/**
 * The default {@link LinkUrl}: the target page's URL relative to the page the link
 * stands in, and the section as a fragment (`../docker/#basics`, `#basics` on the same
 * page).
 */
export const relativeLinkUrl: LinkUrl = (link, context) => {
  const from = pageUrl(link.from).split('/').slice(0, -1)
  const to = pageUrl(link.page).split('/')
  let shared = 0
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared++
  const path = [...from.slice(shared).map(() => '..'), ...to.slice(shared)].join('/')
  const fragment = link.section === undefined ? '' : `#${context.idPrefix}${link.section}`
  if (path === '') return fragment || './'
  return `${path}${fragment}`
}
