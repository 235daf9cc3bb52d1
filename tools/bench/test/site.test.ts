import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '@ai-engineer/test-utils'
import { describe, expect, it } from 'vitest'
import { serveStatic } from '../src/processes.ts'
import { debianMkdocsConfig, loadPage } from '../src/site.ts'

/**
 * The site group's parts, fast: its whole run (two site builds, Lighthouse) takes minutes
 * and needs Debian's mkdocs, so `pnpm bench site` runs it, not `pnpm test`.
 */
describe('site', () => {
  it("should point the emoji extension at pymdownx's own, for Debian's mkdocs-material", () => {
    const config = [
      '  - pymdownx.emoji:',
      '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
      '      emoji_generator: !!python/name:material.extensions.emoji.to_svg',
    ].join('\n')
    expect(debianMkdocsConfig(config)).toBe(
      [
        '  - pymdownx.emoji:',
        '      emoji_index: !!python/name:pymdownx.emoji.twemoji',
        '      emoji_generator: !!python/name:pymdownx.emoji.to_svg',
      ].join('\n'),
    )
  })

  it("should weigh a page's scripts and styles gzipped, count its requests, foreign ones too, and read its first paint", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-site-test-'))
    const script = `document.body.dataset.ran = 'yes'; ${'console.log("padding");'.repeat(50)}`
    const style = `body { color: #222; } ${'.x { margin: 0; }'.repeat(50)}`
    await writeFile(join(dir, 'app.js'), script)
    await writeFile(join(dir, 'site.css'), style)
    await writeFile(
      join(dir, 'index.html'),
      [
        '<!doctype html><html lang="en"><head><title>t</title>',
        '<link rel="stylesheet" href="site.css">',
        // Another host: aborted, never sent, and counted.
        '<link rel="stylesheet" href="https://fonts.example.invalid/css">',
        '</head><body><h1>Hello</h1><script src="app.js"></script></body></html>',
      ].join(''),
    )
    const server = await serveStatic(dir, false)
    const browser = await launchChromium()
    try {
      const load = await loadPage(browser, `${server.origin}/`)
      expect(load.js).toBe(gzipSync(script).length)
      expect(load.css).toBe(gzipSync(style).length)
      expect(load.requests).toBe(4)
      expect(load.paint).toBeGreaterThan(0)
    } finally {
      await browser.close()
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
