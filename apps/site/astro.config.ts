import sitemap from '@astrojs/sitemap'
import vue from '@astrojs/vue'
import { defineConfig } from 'astro/config'

/**
 * The guide's website. `SITE_BASE` is the path it is served under (`/` by default; the
 * deploy workflow sets the repository's name), `SITE_URL` the origin its canonical
 * links and sitemap name.
 */
const base = process.env['SITE_BASE'] ?? '/'

export default defineConfig({
  site: process.env['SITE_URL'] ?? 'http://127.0.0.1:4321',
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [vue(), sitemap()],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
})
