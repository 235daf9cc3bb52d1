/**
 * The deployed deck offline after one visit: the built deck (`dist/`, Slidev's `pwa`
 * option on) is opened once, its service worker precaches it, the browser context goes
 * offline, and the deck is reloaded and walked: every slide, the presenter view (reloaded
 * offline too) and the overview. Not one request reaches the network while offline.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appDir, deckSlides } from '../test/deck.ts'

let server: StaticServer
let browser: Browser
let context: BrowserContext
let page: Page
let total: number
const errors: string[] = []
/** Requests that reached the server after the context went offline. */
const served: string[] = []
let offline = false

beforeAll(async () => {
  const dist = join(appDir, 'dist')
  if (!existsSync(join(dist, 'sw.js'))) throw new Error('run `pnpm build` first (no dist/sw.js)')
  total = (await deckSlides()).length
  server = await serveStatic(dist)
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  context.on('requestfinished', (request) => {
    if (offline && !request.serviceWorker() && request.url().startsWith(server.origin)) {
      // Answered by the service worker or the HTTP cache is fine; by the network is not.
      void request.response().then((response) => {
        if (response && !response.fromServiceWorker()) served.push(request.url())
      })
    }
  })
  page = await context.newPage()
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Wait until slide `no` is the one shown. */
async function shown(no: number): Promise<void> {
  await page.locator(`#slide-content .slidev-page-${no} .slidev-layout`).waitFor()
}

describe('the deployed deck with the network gone', () => {
  it('should install a service worker that precaches the deck on the first visit', async () => {
    await page.goto(`${server.origin}/1`, { waitUntil: 'networkidle' })
    await shown(1)
    // Activated once the precache is complete (workbox fills it while installing).
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
        timeout: 60_000,
      })
      .toBe('activated')
    // The precache holds every file the deck needs, scripts and fonts included.
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url)
      }
      return urls
    })
    expect(cached.some((url) => /\/assets\/.+\.js/.test(url))).toBe(true)
    expect(cached.some((url) => /\.woff2/.test(url))).toBe(true)
    expect(cached.some((url) => /\/index\.html(?:\?|$)/.test(url))).toBe(true)
  })

  it('should reload and show every slide offline', async () => {
    await context.setOffline(true)
    offline = true
    await page.reload({ waitUntil: 'load' })
    await shown(1)
    // Each slide from its own URL: the service worker answers the page and every chunk.
    // (Not with ↓: Slidev repeats a navigation key held down, and a page too busy to see
    // the key go up in time goes two slides on, which says nothing about being offline.)
    for (let no = 2; no <= total; no++) {
      await page.goto(`${server.origin}/${no}`, { waitUntil: 'load' })
      await shown(no)
      expect(new URL(page.url()).pathname).toBe(`/${no}`)
    }
  })

  it('should open the presenter view and the overview offline', async () => {
    await page.goto(`${server.origin}/presenter/2`, { waitUntil: 'load' })
    await page.locator('.slidev-note').first().waitFor()
    expect((await page.locator('.slidev-note').first().innerText()).length).toBeGreaterThan(50)
    await page.goto(`${server.origin}/presenter/3`, { waitUntil: 'load' })
    await page.locator('#slide-content .slidev-page-3 .slidev-layout').waitFor()
    await page.goto(`${server.origin}/overview`, { waitUntil: 'load' })
    await page.locator('.overview-slide-block').first().waitFor()
    expect(await page.locator('.overview-slide-block').count()).toBe(total)
  })

  it('should have reached the network for nothing, with no page error', () => {
    expect(served).toEqual([])
    expect(errors).toEqual([])
  })
})
