/**
 * 7. Cold start: `pnpm dev` of the talk (`slidev` dev on 127.0.0.1) from the spawn to the
 * first slide painted in Chromium, against a stock Slidev deck with as many slides under
 * `slidev` dev too. Cold: a fresh server each time, Vite's dependency pre-bundle
 * (`<cacheDir>/deps`) removed first, and a new browser context (empty cache). Alternating,
 * the order swapped every round. Target: ≤ 1.25× stock.
 */
import { existsSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium, writeStockDeck } from '@ai-engineer/test-utils'
import type { Browser } from 'playwright-core'
import { firstSlideProbe } from './deck.ts'
import { makeTempDir, removeTempDir } from './processes.ts'
import { assertSane, median, ms, ratio, spread, type BenchOptions, type Result } from './report.ts'
import { slidevBin, startSlidevDev, talkDir } from './slidev-dev.ts'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const limit = 1.25

/** How to start one deck's dev server, and where its Vite cache is. */
interface Deck {
  cwd: string
  bin: string
  entry?: string
  /** Vite's `cacheDir` for this deck: `node_modules/.vite` in its folder. */
  cacheDir: string
}

/** One cold start, in ms from the spawn. */
interface Start {
  /** To the frame after the first slide's layout appeared. */
  painted: number
  /** To the first answer of `/`. */
  answered: number
  /** Page loads until then (Vite reloads the page when it finds dependencies late). */
  loads: number
  slides: number
}

export async function coldStart({ quick, log }: BenchOptions): Promise<Result> {
  const rounds = quick ? 1 : 5
  const work = await makeTempDir('coldstart')
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const nodeModules = join(benchDir, 'node_modules')
    const stockRoot = join(work, 'stock')
    const decks: Record<'ours' | 'stock', Deck> = {
      ours: {
        cwd: talkDir,
        bin: slidevBin(talkDir),
        cacheDir: join(talkDir, 'node_modules/.vite'),
      },
      stock: {
        cwd: stockRoot,
        // Through its `node_modules` link to this package's: written before its first start.
        bin: join(stockRoot, 'node_modules/@slidev/cli/bin/slidev.mjs'),
        entry: 'slides.md',
        // Through the link: this package's `node_modules/.vite`, which the talk does not use.
        cacheDir: join(stockRoot, 'node_modules/.vite'),
      },
    }
    const samples: Record<keyof typeof decks, Start[]> = { ours: [], stock: [] }
    let slides: number | undefined
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['ours', 'stock'] as const) : (['stock', 'ours'] as const)
      for (const name of order) {
        if (name === 'stock' && !existsSync(stockRoot)) {
          // The talk went first: its dev server counted its slides.
          await writeStockDeck({
            work,
            slides: slides!,
            nodeModules,
            favicon: join(talkDir, 'public/favicon.svg'),
          })
        }
        const start = await coldLoad(browser, decks[name])
        if (start.slides === 0) throw new Error(`coldstart: ${name} reported no slides`)
        slides ??= start.slides
        if (start.slides !== slides)
          throw new Error(`coldstart: ${name} has ${start.slides} slides, expected ${slides}`)
        samples[name].push(start)
        log(`coldstart: ${name} ${round + 1}/${rounds}: first slide at ${ms(start.painted)}`)
      }
    }
    for (const name of ['ours', 'stock'] as const) {
      assertSane(`coldstart (${name})`, {
        painted: samples[name].map((start) => start.painted),
        answered: samples[name].map((start) => start.answered),
      })
    }
    const pick = (name: keyof typeof decks, key: 'painted' | 'answered' | 'loads'): number[] =>
      samples[name].map((start) => start[key])
    const ours = median(pick('ours', 'painted'))
    const stock = median(pick('stock', 'painted'))
    const count = (value: number): string => String(value)
    return {
      name: 'Cold start',
      rows: [
        {
          benchmark: 'cold start: pnpm dev to first slide painted',
          ours: ms(ours),
          baseline: ms(stock),
          ratio: ratio(ours / stock),
          target: `≤ ${limit}×`,
          pass: ours / stock <= limit,
        },
      ],
      details: [
        `${slides} slides each: the talk, and the stock deck of the deck benchmark (plain markdown, default theme, offline fonts setting) written to a temp folder, not built. Each started with \`slidev [slides.md] --bind 127.0.0.1 --port <free>\` (the talk's \`pnpm dev\` script, without pnpm's own start-up), ${rounds} ${rounds === 1 ? 'time' : 'times'} each, alternating, the order swapped every round; each server stopped by PID after its load.`,
        `Cold: before each start, Vite's dependency pre-bundle is removed (\`deps*\` in its cache dir: \`apps/talk/node_modules/.vite\` for the talk, \`tools/bench/node_modules/.vite\` for the stock deck, whose \`node_modules\` links there; checked to exist again after each start), a new browser context (empty cache) opens \`/1\` as soon as \`/\` answers (polled every 50 ms). The OS file cache stays warm; Chromium is started once, before.`,
        `Time: from \`Date.now()\` before the spawn to the frame after \`#slide-content .slidev-page-1 .slidev-layout\` appears (\`performance.timeOrigin + performance.now()\` in the page, the same wall clock). Median (min–max): ours ${spread(pick('ours', 'painted'), ms)}; stock ${spread(pick('stock', 'painted'), ms)}.`,
        `Of which the server's start (spawn to the first answer of \`/\`): ours ${spread(pick('ours', 'answered'), ms)}; stock ${spread(pick('stock', 'answered'), ms)}. Page loads until the first slide (more than 1: Vite reloaded the page after optimizing dependencies it found late): ours ${spread(pick('ours', 'loads'), count)}; stock ${spread(pick('stock', 'loads'), count)}.`,
      ],
    }
  } finally {
    await browser?.close()
    await removeTempDir(work)
  }
}

/** Remove the deck's pre-bundle, start its dev server, open `/1`; stops the server after. */
async function coldLoad(browser: Browser, deck: Deck): Promise<Start> {
  if (existsSync(deck.cacheDir)) {
    for (const entry of await readdir(deck.cacheDir)) {
      if (entry.startsWith('deps'))
        await rm(join(deck.cacheDir, entry), { recursive: true, force: true })
    }
  }
  const context = await browser.newContext()
  const server = await startSlidevDev({ ...deck })
  try {
    await context.addInitScript(firstSlideProbe)
    const page = await context.newPage()
    let loads = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads++
    })
    await page.goto(`${server.origin}/1`, { waitUntil: 'commit', timeout: 180_000 })
    const deadline = Date.now() + 180_000
    let painted: number | undefined
    while (painted === undefined) {
      if (Date.now() > deadline)
        throw new Error(
          `coldstart: no first slide at ${server.origin}/1 in 180 s\n${server.process.output().slice(-3000)}`,
        )
      painted = await page
        .evaluate(() => {
          const at = (window as { __firstSlide?: number }).__firstSlide
          return at === undefined ? undefined : performance.timeOrigin + at
        })
        .catch(() => undefined) // the page is navigating (a reload)
      if (painted === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const loadsUntilPainted = loads
    const slides = await page.evaluate(
      () => (window as { __slidev__?: { nav: { total: number } } }).__slidev__?.nav.total ?? 0,
    )
    // The pre-bundle removed above is the one this server wrote.
    const cacheDeadline = Date.now() + 30_000
    while (!existsSync(join(deck.cacheDir, 'deps'))) {
      if (Date.now() > cacheDeadline)
        throw new Error(
          `coldstart: Vite wrote no pre-bundle to ${deck.cacheDir}/deps (it holds: ${existsSync(deck.cacheDir) ? (await readdir(deck.cacheDir)).join(', ') : 'nothing'})`,
        )
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return {
      painted: painted - server.spawnedAt,
      answered: server.answeredAt - server.spawnedAt,
      loads: loadsUntilPainted,
      slides,
    }
  } finally {
    await context.close()
    await server.process.stop()
  }
}
