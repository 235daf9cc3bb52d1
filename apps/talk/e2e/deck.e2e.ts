/**
 * Long on purpose: every check of the built deck shares one build, one server and one browser.
 *
 * The built deck in real Chromium (Debian's, driven by playwright-core; never a
 * downloaded browser), served by `sirv --single` on 127.0.0.1. Run `pnpm build` first.
 *
 * Screenshots of every slide go to $TALK_SHOTS (default: <tmp>/talk-shots).
 *
 * The slides and the presenter's notes are each walked in one tab, from slide to slide
 * through the deck's router as a speaker moves through it; the suites of the deployed deck
 * (`subpath.e2e.ts`, `offline.e2e.ts`) load every slide from its own URL.
 */
import { getSection, sectionIds } from '@ai-engineer/content'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalize, noteTexts } from '../lib/notes.ts'
import { appDir, deckSlides, type SlideNames } from '../test/deck.ts'

const shotsDir = process.env.TALK_SHOTS || join(tmpdir(), 'talk-shots')
const dist = join(appDir, 'dist')
const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** What the e2e saw on one slide. */
interface SlideReport {
  no: number
  sections: string[]
  figures: string[]
  /** Inline SVG diagrams on the slide, with their rendered size. */
  diagrams: { className: string; width: number; height: number }[]
  images: number
  /** Elements whose box leaves the slide, and layout overflow. */
  outside: string[]
  fontsLoaded: string[]
}

let server: StaticServer
let browser: Browser
let context: BrowserContext
let slides: SlideNames[]
const reports: SlideReport[] = []
const requests: string[] = []
const external: string[] = []
const errors: string[] = []

/**
 * A new tab on `path` of the deck, its errors recorded, once `ready` (by default
 * slide `no`) is visible.
 */
async function open(
  path: string,
  no = 1,
  ready = `#slide-content .slidev-page-${no} .slidev-layout`,
): Promise<Page> {
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${path}: console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`${path}: page error: ${error.message}`))
  await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' })
  // Slidev keeps neighbouring slides in the DOM, hidden: wait for this one.
  await page.locator(ready).first().waitFor()
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page
}

/**
 * Move `page` to `path` through the deck's router (the history API, as its links do), and
 * resolve once slide `no` is shown and no slide transition is running.
 */
async function go(page: Page, path: string, no: number): Promise<void> {
  await page.evaluate((path) => {
    history.pushState(null, '', path)
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, path)
  await page.locator(`#slide-content .slidev-page-${no} .slidev-layout`).first().waitFor()
  // The deck fades from slide to slide: Vue's transition classes are on while it does.
  await page
    .locator('[class*="-enter-active"], [class*="-leave-active"]')
    .first()
    .waitFor({ state: 'detached' })
}

beforeAll(async () => {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No built deck in ${dist}: run \`pnpm build\` first`)
  }
  // The server serves dist/ at `/`: a deck built for a sub-path (TALK_BASE) would 404.
  if (!readFileSync(join(dist, 'index.html'), 'utf8').includes('src="/assets/')) {
    throw new Error(
      `${dist} was built with a base other than /: run \`pnpm build\` without TALK_BASE`,
    )
  }
  slides = await deckSlides()
  await mkdir(shotsDir, { recursive: true })
  server = await serveStatic(dist)
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  context.on('request', (request) => {
    const url = new URL(request.url())
    requests.push(request.url())
    if (/^(?:https?|wss?):$/.test(url.protocol) && !localHosts.has(url.hostname)) {
      external.push(request.url())
    }
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  console.log(
    `e2e: ${reports.length} slides, ${requests.length} requests, ` +
      `${external.length} external requests, ${errors.length} console/page errors; ` +
      `screenshots in ${shotsDir}`,
  )
})

describe('the built deck in Chromium', () => {
  it('should have every slide of slides.md', async () => {
    const page = await open('/overview', 1, '.overview-slide-block')
    expect(await page.locator('.overview-slide-block').count()).toBe(slides.length)
    expect(slides.length).toBeGreaterThanOrEqual(8)
    await page.close()
  })

  it('should render every slide with no error and nothing outside the slide', async () => {
    const page = await open('/1')
    for (const { no } of slides) {
      await go(page, `/${no}`, no)
      const report = await page.evaluate((no): SlideReport => {
        const slide = document.querySelector('#slide-content')!
        const layout = slide.querySelector<HTMLElement>(`.slidev-page-${no} .slidev-layout`)!
        const box = slide.getBoundingClientRect()
        const outside: string[] = []
        if (layout.scrollHeight > layout.clientHeight + 1) {
          outside.push(`layout: scrollHeight ${layout.scrollHeight} > ${layout.clientHeight}`)
        }
        if (layout.scrollWidth > layout.clientWidth + 1) {
          outside.push(`layout: scrollWidth ${layout.scrollWidth} > ${layout.clientWidth}`)
        }
        // Content ends above the footer, where a slide has one.
        const footer = layout.querySelector('.talk-footer')
        const bottom = footer ? footer.getBoundingClientRect().top : box.bottom
        for (const element of layout.querySelectorAll<Element>('*')) {
          const rect = element.getBoundingClientRect()
          if (rect.width === 0 && rect.height === 0) continue
          const inFooter = footer?.contains(element) ?? false
          if (
            rect.left < box.left - 1 ||
            rect.top < box.top - 1 ||
            rect.right > box.right + 1 ||
            rect.bottom > (inFooter ? box.bottom : bottom) + 1
          ) {
            const name = `<${element.tagName.toLowerCase()} class="${element.getAttribute('class')}">`
            outside.push(`${name} ${element.textContent?.slice(0, 40) ?? ''}`)
          }
        }
        const attribute = (name: string) => [
          ...new Set(
            [layout, ...layout.querySelectorAll(`[${name}]`)]
              .map((element) => element.getAttribute(name))
              .filter((value): value is string => Boolean(value)),
          ),
        ]
        return {
          no,
          sections: attribute('data-section'),
          figures: attribute('data-figure'),
          diagrams: [...layout.querySelectorAll<SVGSVGElement>('svg.aie-diagram')].map((svg) => {
            const rect = svg.getBoundingClientRect()
            return {
              className: svg.getAttribute('class') ?? '',
              width: Math.round(rect.width),
              height: Math.round(rect.height),
            }
          }),
          images: layout.querySelectorAll('img').length,
          outside,
          fontsLoaded: [...document.fonts]
            .filter((face) => face.status === 'loaded')
            .map((face) => face.family.replace(/"/g, '')),
        }
      }, no)
      reports.push(report)
      await page.locator('#slide-content').screenshot({ path: join(shotsDir, `slide-${no}.png`) })
      expect(report.outside, `slide ${no}`).toEqual([])
    }
    await page.close()
    expect(errors).toEqual([])
    // The fonts are the deck's own (@fontsource-variable), and they did load.
    const loaded = new Set(reports.flatMap((report) => report.fontsLoaded))
    expect(loaded).toContain('Inter Variable')
  })

  it('should reveal the four attributes one click at a time', async () => {
    const slide = slides.find(({ slide }) => /<GuideList\b[^>]*\breveal\b/.test(slide.content))
    expect(slide, 'a slide with <GuideList reveal>').toBeDefined()
    const page = await open(`/${slide!.no}`, slide!.no)
    const list = page.locator(`.slidev-page-${slide!.no} .talk-list`)
    const items = list.locator('> li')
    const hidden = list.locator('> li.slidev-vclick-hidden')
    expect(await items.count()).toBe(4)
    for (let shown = 0; shown <= 4; shown++) {
      await expect.poll(() => hidden.count(), { timeout: 15_000 }).toBe(4 - shown)
      if (shown < 4) await page.keyboard.press('ArrowRight')
    }
    await page.locator('#slide-content').screenshot({
      path: join(shotsDir, `slide-${slide!.no}-all-clicks.png`),
    })
    await page.close()
    expect(errors).toEqual([])
  })

  it("should show each section of the guide on a slide, and its prose in the presenter's notes", async () => {
    const shown = new Set(reports.flatMap((report) => report.sections))
    expect([...shown].sort()).toEqual([...sectionIds.intro].sort())

    const page = await open('/presenter/1')
    for (const { no, page: pageId, section, blocks } of slides) {
      if (!section) continue
      await go(page, `/presenter/${no}`, no)
      const note = page.locator('.slidev-note').first()
      const expected = noteTexts(getSection(pageId as never, section as never), blocks)
      // What the notes of slide `no` still lack: they change with the slide, right after it.
      const missing = async () => {
        const text = normalize(await note.innerText())
        return expected.filter((words) => !text.includes(words))
      }
      await expect.poll(missing, { timeout: 15_000 }).toEqual([])
      if (no === 1) await page.screenshot({ path: join(shotsDir, 'presenter-1.png') })
    }
    await page.close()
    expect(errors).toEqual([])
  })

  it('should draw both diagrams as inline SVG, and load no image', () => {
    const diagrams = reports.flatMap((report) => report.diagrams)
    for (const name of ['aie-diagram-hidden-debt', 'aie-diagram-lifecycle']) {
      const diagram = diagrams.find((candidate) => candidate.className.includes(name))
      expect(diagram, name).toBeDefined()
      // Large enough to read: most of the slide's width on a 1280 × 720 window.
      expect(diagram!.width, name).toBeGreaterThan(700)
    }
    expect(reports.reduce((sum, report) => sum + report.images, 0)).toBe(0)
  })

  it('should request nothing from any host but its own', () => {
    expect(requests.length).toBeGreaterThan(slides.length)
    expect(external).toEqual([])
  })
})
