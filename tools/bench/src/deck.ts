/**
 * Long on purpose: the four deck rows share one build of each deck and one browser.
 *
 * 3. The deck: the built talk against a stock Slidev deck with the
 * same number of slides (plain markdown, default theme, offline fonts setting),
 * built here. Both are served by `sirv --single` and opened in Debian's
 * Chromium (playwright-core, never a downloaded browser), alternating, a fresh
 * browser context (empty cache) per load. Target: ≤ 1.15× stock on JS bytes
 * (gzip), requests and time to the first slide painted.
 */
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { buildStockDeck as buildSharedStockDeck, launchChromium } from '@ai-engineer/test-utils'
import type { Browser } from 'playwright-core'
import { makeTempDir, removeTempDir, serveStatic, type StaticServer } from './processes.ts'
import {
  assertSane,
  kB,
  median,
  ms,
  ratio,
  spread,
  type BenchOptions,
  type Result,
} from './report.ts'

const require = createRequire(import.meta.url)
const benchDir = fileURLToPath(new URL('..', import.meta.url))
/** The built talk; `$BENCH_TALK_DIST` measures another build of it (a candidate fix). */
const talkDist =
  process.env.BENCH_TALK_DIST ||
  join(dirname(require.resolve('@ai-engineer/talk/package.json')), 'dist')
const limit = 1.15
/** The first slide is on screen: its layout is in the slide box. */
export const firstSlide = '#slide-content .slidev-page-1 .slidev-layout'

/**
 * An init script that sets `window.__firstSlide` to `performance.now()` in the frame that
 * shows {@link firstSlide}. A string, not a function: tsx's transform would wrap named
 * functions in a helper that does not exist in the page.
 */
export const firstSlideProbe = `
  new MutationObserver((_, observer) => {
    if (document.querySelector(${JSON.stringify(firstSlide)}) === null) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => { window.__firstSlide = performance.now() }))
  }).observe(document, { childList: true, subtree: true })
`

/** What one load of a deck's first slide cost. */
interface Load {
  /** From navigation start to the frame after the first slide's layout appeared. */
  firstSlideMs: number
  /** First contentful paint, from the `performance` paint entries (cross-check). */
  fcpMs: number | undefined
  requests: number
  /** `type path` of each request, content hashes removed (`script /assets/index.js`). */
  requested: string[]
  /** Gzip (level 9) of every script response, summed. */
  jsGzip: number
  external: string[]
}

export async function deck({ quick, log }: BenchOptions): Promise<Result> {
  const loads = quick ? 2 : 15
  const work = await makeTempDir('deck')
  const servers: StaticServer[] = []
  let browser: Browser | undefined
  try {
    await readFile(join(talkDist, 'index.html')).catch(() => {
      throw new Error(
        `deck: no built talk at ${talkDist}: run \`pnpm --filter @ai-engineer/talk build\``,
      )
    })
    browser = await launchChromium()
    const talk = await serveStatic(talkDist)
    servers.push(talk)
    const slides = await countSlides(browser, talk.origin)
    log(`deck: the talk has ${slides} slides; building a stock Slidev deck with as many`)
    const stockDist = await buildStockDeck(work, slides, log)
    const stock = await serveStatic(stockDist)
    servers.push(stock)
    const stockSlides = await countSlides(browser, stock.origin)
    if (stockSlides !== slides)
      throw new Error(`deck: stock deck has ${stockSlides} slides, the talk ${slides}`)

    const decks = { ours: talk.origin, stock: stock.origin }
    const samples: Record<keyof typeof decks, Load[]> = { ours: [], stock: [] }
    // One unrecorded load of each first: Chromium's own start-up costs.
    for (const origin of Object.values(decks)) await load(browser, origin)
    for (let round = 0; round < loads; round++) {
      const order = round % 2 === 0 ? (['ours', 'stock'] as const) : (['stock', 'ours'] as const)
      for (const name of order) samples[name].push(await load(browser, decks[name]))
      log(`deck: load ${round + 1}/${loads} of each`)
    }
    const external = [...samples.ours, ...samples.stock].flatMap((sample) => sample.external)
    if (external.length > 0)
      throw new Error(`deck: requests left 127.0.0.1: ${[...new Set(external)].join(', ')}`)

    const med = (name: keyof typeof decks, pick: (sample: Load) => number): number =>
      median(samples[name].map(pick))
    const dist = { ours: await distJs(talkDist), stock: await distJs(stockDist) }
    for (const name of ['ours', 'stock'] as const) {
      assertSane(`deck (${name})`, {
        firstSlide: samples[name].map((sample) => sample.firstSlideMs),
        requests: samples[name].map((sample) => sample.requests),
        jsGzip: samples[name].map((sample) => sample.jsGzip),
        distJs: dist[name].gzip,
      })
      if (med(name, (sample) => sample.requests) === 0 || dist[name].files === 0) {
        throw new Error(`deck (${name}): no requests or no JS`)
      }
    }
    const row = (
      benchmark: string,
      ours: number,
      stockValue: number,
      format: (value: number) => string,
    ): Result['rows'][number] => ({
      benchmark,
      ours: format(ours),
      baseline: format(stockValue),
      ratio: ratio(ours / stockValue),
      target: `≤ ${limit}×`,
      pass: ours / stockValue <= limit,
    })
    const count = (value: number): string => String(value)
    const fcp = (name: keyof typeof decks): string => {
      const values = samples[name]
        .map((sample) => sample.fcpMs)
        .filter((value) => value !== undefined)
      return values.length > 0 ? ms(median(values)) : 'none'
    }
    return {
      name: 'The deck',
      rows: [
        row(
          'deck: JS loaded for slide 1, gzip',
          med('ours', (s) => s.jsGzip),
          med('stock', (s) => s.jsGzip),
          kB,
        ),
        row('deck: JS in the build (all chunks), gzip', dist.ours.gzip, dist.stock.gzip, kB),
        row(
          'deck: requests to show slide 1',
          med('ours', (s) => s.requests),
          med('stock', (s) => s.requests),
          count,
        ),
        row(
          'deck: time to first slide painted',
          med('ours', (s) => s.firstSlideMs),
          med('stock', (s) => s.firstSlideMs),
          ms,
        ),
      ],
      details: [
        `${slides} slides each. The stock deck: Slidev 53, \`theme: default\`, \`fonts: { provider: none }\` and a local favicon (Slidev's defaults fetch both from CDNs; offline like ours), one \`# heading\`, a paragraph and a 3-item list a slide; built with \`slidev build\` in a temp folder.`,
        `Each deck opened at \`/1\` ${loads} times, alternating, a new browser context (empty cache) each time, after one unrecorded load of each. Requests: every request until the network is idle (none left 127.0.0.1). JS loaded: each script response gzipped (level 9), summed. JS in the build: every \`.js\` file in \`dist\`, gzipped one by one: ours ${dist.ours.files} files, stock ${dist.stock.files}.`,
        `First slide painted: \`performance.now()\` in a \`setTimeout\` queued by the \`requestAnimationFrame\` after \`${firstSlide}\` appears (a MutationObserver from an init script), i.e. the frame that shows it. Median (min–max): ours ${spread(
          samples.ours.map((s) => s.firstSlideMs),
          ms,
        )}; stock ${spread(
          samples.stock.map((s) => s.firstSlideMs),
          ms,
        )}. First contentful paint (median, cross-check): ours ${fcp('ours')}, stock ${fcp('stock')}.`,
        `Requests, median (min–max): ours ${spread(
          samples.ours.map((s) => s.requests),
          count,
        )}; stock ${spread(
          samples.stock.map((s) => s.requests),
          count,
        )}. JS loaded: ours ${kB(med('ours', (s) => s.jsGzip))}, stock ${kB(med('stock', (s) => s.jsGzip))}.`,
        `Requests only ours made (last load, content hashes removed): ${difference(samples.ours.at(-1)!.requested, samples.stock.at(-1)!.requested).join(', ') || 'none'}. Only stock made: ${difference(samples.stock.at(-1)!.requested, samples.ours.at(-1)!.requested).join(', ') || 'none'}.`,
      ],
    }
  } finally {
    await browser?.close()
    for (const server of servers) await server.stop()
    await removeTempDir(work)
  }
}

/** `a` minus `b`, as multisets. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b]
  return a
    .filter((item) => {
      const index = left.indexOf(item)
      if (index === -1) return true
      left.splice(index, 1)
      return false
    })
    .sort()
}

/** Slides of a built deck: the blocks of its `/overview` page. */
async function countSlides(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${origin}/overview`, { waitUntil: 'networkidle' })
    await page.locator('.overview-slide-block').first().waitFor()
    return await page.locator('.overview-slide-block').count()
  } finally {
    await context.close()
  }
}

/** Build the shared stock deck of `slides` slides (`@ai-engineer/test-utils`); resolves to its `dist`. */
async function buildStockDeck(
  work: string,
  slides: number,
  log: (message: string) => void,
): Promise<string> {
  // The deck resolves @slidev/cli's theme and client from this package's dependencies.
  const built = await buildSharedStockDeck({
    work,
    slides,
    nodeModules: join(benchDir, 'node_modules'),
    favicon: join(talkDist, 'favicon.svg'),
  })
  log(
    built.reused
      ? `deck: stock deck reused from ${built.dist} (built by another suite)`
      : `deck: stock deck built in ${ms(built.ms)}`,
  )
  return built.dist
}

/** Open `origin/1` in a fresh context; what it cost until the network is idle. */
async function load(browser: Browser, origin: string): Promise<Load> {
  const context = await browser.newContext()
  try {
    await context.addInitScript(firstSlideProbe)
    const page = await context.newPage()
    const requested: string[] = []
    const external: string[] = []
    const scripts: Promise<number>[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.hostname !== '127.0.0.1') external.push(request.url())
      requested.push(`${request.resourceType()} ${url.pathname.replace(/-[\w-]{8}(?=\.\w+$)/, '')}`)
    })
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(
          response.body().then(
            (body) => gzipSync(body, { level: 9 }).length,
            () => 0,
          ),
        )
      }
    })
    await page.goto(`${origin}/1`)
    await page.waitForFunction(
      () => (window as unknown as { __firstSlide?: number }).__firstSlide,
      null,
      {
        timeout: 60_000,
      },
    )
    await page.waitForLoadState('networkidle')
    const { firstSlideMs, fcpMs } = await page.evaluate(() => ({
      firstSlideMs: (window as unknown as { __firstSlide: number }).__firstSlide,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }))
    const jsGzip = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0)
    return { firstSlideMs, fcpMs, requests: requested.length, requested, jsGzip, external }
  } finally {
    await context.close()
  }
}

/** Every `.js` file under `dist`, gzipped (level 9) one by one and summed. */
async function distJs(dist: string): Promise<{ gzip: number; files: number }> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true })
  let gzip = 0
  let files = 0
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    gzip += gzipSync(await readFile(join(entry.parentPath, entry.name)), { level: 9 }).length
    files++
  }
  return { gzip, files }
}
