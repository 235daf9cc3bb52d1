import type { GuideData } from '../runtime/index.js'
import type { Guide } from '../types.js'

/**
 * A guide as data, ready to be written as JSON: no positions, and each page without the
 * `sections` and `figures` the runtime derives again from its tree. The package's
 * build, `ai-engineer-content build` and the Vite plugin all serve this.
 */
export function guideData(guide: Guide): GuideData {
  const data: GuideData = {
    title: guide.title,
    nav: guide.nav,
    pages: guide.pages.map(({ id, path, title, prev, next, source, author, tree }) => ({
      id,
      path,
      title,
      ...(prev === undefined ? {} : { prev }),
      ...(next === undefined ? {} : { next }),
      ...(source === undefined ? {} : { source }),
      ...(author === undefined ? {} : { author }),
      tree,
    })),
  }
  return JSON.parse(
    JSON.stringify(data, (key, value: unknown) => (key === 'position' ? undefined : value)),
  ) as GuideData
}
