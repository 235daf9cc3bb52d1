/**
 * The deck deployed under a sub-path, as on GitHub Pages (`https://USER.github.io/REPO/`):
 * built with `--base /ai-engineer/` into a temporary site, served from that path with the
 * SPA fallback, every slide and the presenter view checked in real Chromium.
 */
import { getSection } from '@ai-engineer/content'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalize, noteTexts } from '../lib/notes.ts'
import { appDir, deckSlides, type SlideNames } from '../test/deck.ts'

const run = promisify(execFile)
const require = createRequire(import.meta.url)
const base = '/ai-engineer/'

let site: string
let server: StaticServer
let browser: Browser
let context: BrowserContext
let slides: SlideNames[]
const errors: string[] = []
const failed: string[] = []
const outsideBase: string[] = []

async function open(path: string, ready: string): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${path}: console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`${path}: page error: ${error.message}`))
  await page.goto(`${server.origin}${base}${path}`, { waitUntil: 'networkidle' })
  await page.locator(ready).first().waitFor()
  return page
}

beforeAll(async () => {
  slides = await deckSlides()
  site = await mkdtemp(join(tmpdir(), 'talk-subpath-'))
  const cli = join(dirname(require.resolve('@slidev/cli/package.json')), 'bin/slidev.mjs')
  const started = Date.now()
  await run(process.execPath, [cli, 'build', '--base', base, '--out', join(site, 'ai-engineer')], {
    cwd: appDir,
    maxBuffer: 32 * 1024 * 1024,
  })
  console.log(
    `sub-path e2e: built the deck for ${base} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  server = await serveStatic(site, 'ai-engineer/index.html')
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  context.on('requestfinished', async (request) => {
    const response = await request.response()
    if (response && response.status() >= 400) failed.push(`${response.status()} ${request.url()}`)
  })
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === server.origin && !url.pathname.startsWith(base))
      outsideBase.push(request.url())
    if (url.origin !== server.origin && /^(?:https?|wss?):$/.test(url.protocol)) {
      outsideBase.push(request.url())
    }
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (site) await rm(site, { recursive: true, force: true })
})

describe(`the deck deployed under ${base}`, () => {
  it('should reference its assets under the base path', async () => {
    const html = await readFile(join(site, 'ai-engineer/index.html'), 'utf8')
    expect(html).toContain(`src="${base}assets/`)
    expect(html).not.toMatch(/(?:src|href)="\/assets\//)
  })

  it('should render every slide from its own URL', async () => {
    for (const { no } of slides) {
      const page = await open(String(no), `#slide-content .slidev-page-${no} .slidev-layout`)
      expect(await page.locator(`.slidev-page-${no} .slidev-layout`).first().isVisible()).toBe(true)
      await page.close()
    }
    expect(errors).toEqual([])
    expect(failed).toEqual([])
    expect(outsideBase).toEqual([])
  })

  it('should show the presenter view with the notes from the content', async () => {
    const slide = slides.find((candidate) => candidate.section)!
    const page = await open(`presenter/${slide.no}`, '.slidev-note')
    const text = normalize(await page.locator('.slidev-note').first().innerText())
    for (const expected of noteTexts(
      getSection(slide.page as never, slide.section as never),
      slide.blocks,
    )) {
      expect(text).toContain(expected)
    }
    await page.close()
    expect(errors).toEqual([])
    expect(failed).toEqual([])
    expect(outsideBase).toEqual([])
  })
})
