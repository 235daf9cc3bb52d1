import { guideOverlay } from '@ai-engineer/content/astro'
import sitemap from '@astrojs/sitemap'
import vue from '@astrojs/vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'astro/config'

/**
 * The guide's website. `SITE_BASE` is the path it is served under (`/` by default; the
 * deploy workflow sets the repository's name), `SITE_URL` the origin its canonical
 * links and sitemap name. Built from the guide this repository ships (no `GUIDE`), its
 * sections link to the slides that present them, in the deck deployed beside it at
 * `TALK_PATH` (default: `talk/` under the site). `SITE_CACHE_DIR` moves Astro's cache
 * (its content store and the loader's parsed pages; default `node_modules/.astro`), so
 * builds of other guides beside it (the e2e suites, the bench) keep theirs apart.
 */
const base = process.env['SITE_BASE'] ?? '/'
const deck = process.env['GUIDE']
  ? null
  : {
      slides: fileURLToPath(new URL('../talk/slides.md', import.meta.url)),
      base: process.env['TALK_PATH'] ?? `${base}talk/`,
    }

const cacheDir = process.env['SITE_CACHE_DIR']

export default defineConfig({
  ...(cacheDir ? { cacheDir } : {}),
  site: process.env['SITE_URL'] ?? 'http://127.0.0.1:4321',
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [vue(), sitemap(), guideOverlay()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
  vite: { define: { __DECK__: JSON.stringify(deck) } },
})
