/**
 * 6. The dev loop: with the talk's dev server running (`slidev` on 127.0.0.1) and the
 * deck open in Chromium, the time from saving a word changed in the content package's
 * guide to the new word painted on the slide, and in the presenter notes, against the
 * time from saving a word changed in `apps/talk/slides.md` (Slidev's own HMR) to the
 * new word painted. Edits alternate; both files are restored byte for byte, also on
 * an interrupted run. Target: each guide median ≤ 2× the slides.md median.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { launchChromium } from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { onInterrupt } from './processes.ts'
import { median, ms, ratio, spread, assertSane, type BenchOptions, type Result } from './report.ts'
import { paintProbe, slidevBin, startSlidevDev, talkDir, type DevServer } from './slidev-dev.ts'

const require = createRequire(import.meta.url)
const guideFile = join(
  dirname(require.resolve('@ai-engineer/content/package.json')),
  'guide/intro.md',
)
const slidesFile = join(talkDir, 'slides.md')
const limit = 2

// Slide 6: a slides.md heading over the guide's list of attributes (one item a click).
const slideNo = 6
const slideBox = `#slide-content .slidev-page-${slideNo}`
const guideLine = ' * Great organizational abilities\n'
const slidesLine = '# Four attributes of a good AI engineer\n'
/** The guide's sentence and the slide's heading with the changed word of edit `n`. */
const guideText = (n: number): string => `Great edit${n} abilities`
const slidesText = (n: number): string => `Four edit${n} of a good AI engineer`

type Edit = 'guide' | 'slides'

export async function devLoop({ quick, log }: BenchOptions): Promise<Result> {
  const rounds = quick ? 2 : 10
  const original = { guide: await readFile(guideFile), slides: await readFile(slidesFile) }
  for (const [file, bytes, line] of [
    [guideFile, original.guide, guideLine],
    [slidesFile, original.slides, slidesLine],
  ] as const) {
    if (!bytes.toString('utf8').includes(line))
      throw new Error(`devloop: ${file} no longer has the line ${JSON.stringify(line)}`)
  }
  const restoreSync = (): void => {
    for (const [file, bytes] of [
      [guideFile, original.guide],
      [slidesFile, original.slides],
    ] as const) {
      if (!readFileSync(file).equals(bytes)) writeFileSync(file, bytes)
    }
  }
  const unregister = onInterrupt(restoreSync)
  let server: DevServer | undefined
  let browser: Browser | undefined
  let edited = false
  let result: Result
  const unrestored: string[] = []
  try {
    server = await startSlidevDev({ cwd: talkDir, bin: slidevBin(talkDir) })
    log(`devloop: slidev dev answered at ${server.origin}`)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    // A dev server compiles each module on its first request: slow on a busy machine.
    context.setDefaultTimeout(120_000)
    // Every item of the list revealed, one click at a time in the presenter view (which
    // drives the deck); then both texts the edits change must be visible.
    const slide = await context.newPage()
    await slide.goto(`${server.origin}/${slideNo}`)
    const presenter = await context.newPage()
    await presenter.goto(`${server.origin}/presenter/${slideNo}`)
    await presenter.locator('.slidev-note').first().waitFor()
    await presenter
      .locator(`.slidev-page-${slideNo} .talk-list li`)
      .first()
      .waitFor({ state: 'attached' })
    const items = slide.locator(`${slideBox} .talk-list li`)
    await items.first().waitFor({ state: 'attached' })
    const clicks = await items.count()
    for (let click = 1; click <= clicks; click++) {
      await presenter.keyboard.press('ArrowRight')
      await presenter.waitForURL(`**/presenter/${slideNo}?clicks=${click}`)
    }
    const revealed = (timeout: number) =>
      slide.waitForFunction(
        (box) =>
          document.querySelector(`${box} .talk-list li`) !== null &&
          document.querySelectorAll(`${box} .talk-list li.slidev-vclick-hidden`).length === 0,
        slideBox,
        { timeout },
      )
    await revealed(20_000).catch(async () => {
      // The deck missed the presenter's clicks (it was still loading): open it at the click.
      log(
        `devloop: the deck (${slide.url()}) did not follow the presenter; opening ?clicks=${clicks}`,
      )
      await slide.goto(`${server!.origin}/${slideNo}?clicks=${clicks}`)
      await revealed(60_000)
    })
    for (const page of [slide, presenter]) {
      await page.evaluate(() => Object.assign(window, { benchLive: true }))
    }

    const editor = {
      guide: (n: number) =>
        original.guide.toString('utf8').replace(guideLine, ` * ${guideText(n)}\n`),
      slides: (n: number) =>
        original.slides.toString('utf8').replace(slidesLine, `# ${slidesText(n)}\n`),
    }
    const samples = { guide: [] as number[], notes: [] as number[], slides: [] as number[] }
    let n = 0
    /** Save edit `n` of `which`; resolves to [slide ms, notes ms] (notes for the guide only). */
    const measure = async (which: Edit): Promise<number[]> => {
      n++
      const text = which === 'guide' ? guideText(n) : slidesText(n)
      const targets: [Page, string][] = [[slide, slideBox]]
      if (which === 'guide') targets.push([presenter, '.slidev-note'])
      await Promise.all(
        targets.map(([page, selector]) => page.evaluate(paintProbe(selector, text))),
      )
      edited = true
      await writeFile(which === 'guide' ? guideFile : slidesFile, editor[which](n))
      const times = await Promise.all(
        targets.map(async ([page]) => {
          await page
            .waitForFunction(
              () => (window as { __benchPaint?: { painted?: number } }).__benchPaint?.painted,
              null,
              {
                timeout: 30_000,
              },
            )
            .catch((error: unknown) => {
              throw new Error(
                `devloop: "${text}" not shown on ${page.url()} 30 s after the save of ${which}: ${String(error)}\n${server?.process.output().slice(-3000)}`,
              )
            })
          return page.evaluate(() => {
            const state = (window as unknown as { __benchPaint: { mark: number; painted: number } })
              .__benchPaint
            if (!(window as { benchLive?: boolean }).benchLive) throw new Error('the page reloaded')
            return state.painted - state.mark
          })
        }),
      )
      // Let the server finish the update (the notes follow a second pass) before the next save.
      await new Promise((resolve) => setTimeout(resolve, 750))
      return times
    }

    // One unrecorded edit of each: the first update compiles what the next ones reuse.
    await measure('guide')
    await measure('slides')
    for (let round = 0; round < rounds; round++) {
      const [onSlide, inNotes] = await measure('guide')
      samples.guide.push(onSlide!)
      samples.notes.push(inNotes!)
      samples.slides.push((await measure('slides'))[0]!)
      log(`devloop: edit ${round + 1}/${rounds} of each`)
    }
    assertSane('devloop', samples)

    const slidesMedian = median(samples.slides)
    const row = (benchmark: string, values: number[]): Result['rows'][number] => ({
      benchmark,
      ours: ms(median(values)),
      baseline: ms(slidesMedian),
      ratio: ratio(median(values) / slidesMedian),
      target: `≤ ${limit}×`,
      pass: median(values) / slidesMedian <= limit,
    })
    result = {
      name: 'The dev loop',
      rows: [
        row('dev loop: guide save → slide painted (over slides.md save)', samples.guide),
        row('dev loop: guide save → presenter notes (over slides.md save)', samples.notes),
      ],
      details: [
        `\`slidev\` dev of the talk on 127.0.0.1 (as \`pnpm dev\`), slide ${slideNo} open in Chromium (1280×720) and the presenter view \`/presenter/${slideNo}\` beside it, every list item revealed. ${rounds} edits of each file, alternating guide, slides.md, after one unrecorded edit of each; 750 ms between edits.`,
        `Guide edit: one word of \`packages/content/guide/intro.md\` changed (\`${guideText(1).replace('1', 'N')}\`, a list item on the slide and in the notes). Slides edit: one word of slide ${slideNo}'s heading in \`apps/talk/slides.md\` (\`${slidesText(1).replace('1', 'N')}\`). Each edit starts from the original file, with a word no earlier edit used.`,
        `Time: an in-page probe is armed right before the file is written (\`performance.now()\` mark); it stamps the frame after the new text is visible in \`${slideBox}\` (or in \`.slidev-note\` of the presenter), found by a MutationObserver and a check every animation frame; no page reloaded.`,
        `Median (min–max): guide → slide ${spread(samples.guide, ms)}; guide → notes ${spread(samples.notes, ms)}; slides.md → slide ${spread(samples.slides, ms)}.`,
        'Both files are restored byte for byte afterwards (checked), also when the run is interrupted.',
      ],
    }
  } finally {
    try {
      if (edited) {
        restoreSync()
        // Let the server see the restored files before it stops.
        await new Promise((resolve) => setTimeout(resolve, 1500))
      }
    } finally {
      await browser?.close()
      await server?.process.stop()
      restoreSync()
      unregister()
      for (const [file, bytes] of [
        [guideFile, original.guide],
        [slidesFile, original.slides],
      ] as const) {
        if (!(await readFile(file)).equals(bytes)) unrestored.push(file)
      }
      if (unrestored.length > 0) log(`devloop: NOT restored: ${unrestored.join(', ')}`)
    }
  }
  if (unrestored.length > 0)
    throw new Error(`devloop: ${unrestored.join(', ')} differ from the original after the restore`)
  return result
}
