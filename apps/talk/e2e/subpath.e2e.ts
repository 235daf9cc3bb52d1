/**
 * The deck deployed under a sub-path, as on GitHub Pages (`https://USER.github.io/REPO/`):
 * built with `--base /ai-engineer/` into a temporary site (once for the group, by
 * `deployed-deck.ts`), served from that path with the SPA fallback, every slide and the
 * presenter view checked in real Chromium.
 */
import { getSection } from '@ai-engineer/content'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { normalize, noteTexts } from '../lib/notes.ts'
import { deckSlides, type SlideNames } from '../test/deck.ts'

const { site, base } = inject('deployedDeck')

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
  server = await serveStatic(site, `${base.slice(1)}index.html`)
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
})

describe(`the deck deployed under ${base}`, () => {
  it('should reference its assets under the base path', async () => {
    const html = await readFile(join(site, base, 'index.html'), 'utf8')
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
