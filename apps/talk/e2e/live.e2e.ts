/**
 * Live authoring in real Chromium: `slidev` (the talk's `pnpm dev`) on 127.0.0.1, the
 * deck and the presenter view open, then saves of the content package's guide: a word
 * changed, a broken figure, its fix, a section added. Each save must reach the slide and
 * the notes without a reload; a broken one must show Vite's error overlay at the
 * guide's line and column and keep the last good slide. The guide is restored after.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import {
  cleanEnv,
  freePort,
  launchChromium,
  startProcess,
  waitForUrl,
  type RunningProcess,
} from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guideDir } from '../lib/content.ts'
import { appDir } from '../test/deck.ts'

const require = createRequire(import.meta.url)
const slidev = join(dirname(require.resolve('@slidev/cli/package.json')), 'bin/slidev.mjs')
const guideFile = join(guideDir(), 'intro.md')
const declarationFile = join(appDir, 'types/guide.d.ts')

// Slide 6 shows the attributes list of `ai-engineers`, one item a click.
const listSlide = 6
const before = 'Great organizational abilities'
const after = 'Great organisational abilities'
const brokenImage = /^ {2}<img src="[^"]*technical_debt[^"]*" \/>$/m

let original: string
let dev: RunningProcess
let browser: Browser
let origin: string
let slide: Page
let presenter: Page
const errors: string[] = []

async function save(text: string): Promise<void> {
  await writeFile(guideFile, text)
}

/** The text of the slide's attribute list, and how many of its items are revealed. */
async function listState(
  page: Page,
): Promise<{ text: string; shown: number; mark: string | undefined }> {
  const list = page.locator(`.slidev-page-${listSlide} .talk-list`)
  return list.evaluate((element) => ({
    text: element.textContent ?? '',
    shown: element.querySelectorAll('li:not(.slidev-vclick-hidden)').length,
    mark: (element as { liveMark?: string }).liveMark,
  }))
}

const overlay = (page: Page) => page.locator('vite-error-overlay')

beforeAll(async () => {
  original = await readFile(guideFile, 'utf8')
  expect(original).toContain(before)
  expect(original).toMatch(brokenImage)
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  dev = startProcess(process.execPath, [slidev, '--bind', '127.0.0.1', '--port', String(port)], {
    cwd: appDir,
    env: cleanEnv({ NO_COLOR: '1' }),
  })
  await waitForUrl(`${origin}/`, { process: dev })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  // A dev server compiles each module on its first request: slow on a busy machine.
  context.setDefaultTimeout(120_000)
  slide = await context.newPage()
  slide.on('pageerror', (error) => errors.push(error.message))
  await slide.goto(`${origin}/${listSlide}`)
  // The first visit of a dev server waits for Vite to pre-bundle dependencies.
  await slide
    .locator(`.slidev-page-${listSlide} .talk-list`)
    .waitFor()
    .catch((error: unknown) => {
      throw new Error(`${String(error)}\npage errors: ${errors.join('\n')}\n${dev.output()}`)
    })
  // The speaker's place: the presenter view at the slide's second click, then the slide
  // opened at the same click (a view opened or reloaded sets Slidev's shared click state
  // to its own, so both say 2), two of the four items shown. A reload, or the list mounted
  // again, would lose them.
  presenter = await context.newPage()
  await presenter.goto(`${origin}/presenter/${listSlide}?clicks=2`)
  await presenter.locator('.slidev-note').first().waitFor()
  await presenter.evaluate(() => Object.assign(window, { liveMark: 'no reload' }))
  await slide.goto(`${origin}/${listSlide}?clicks=2`)
  await slide.bringToFront()
  await slide.waitForFunction(
    (no) =>
      document.querySelectorAll(`.slidev-page-${no} .talk-list li:not(.slidev-vclick-hidden)`)
        .length === 2,
    listSlide,
    // A page behind another gets no animation frames: poll on a timer.
    { polling: 100 },
  )
  await slide.evaluate(() => Object.assign(window, { liveMark: 'no reload' }))
  // A mark on the list's element: a list rendered again keeps it, a list mounted again
  // (Vite re-running the component) is a new element without it.
  await slide
    .locator(`.slidev-page-${listSlide} .talk-list`)
    .evaluate((element) => Object.assign(element, { liveMark: 'same element' }))
}, 240_000)

afterAll(async () => {
  if (original !== undefined) await save(original)
  // Let the server see the restored guide (and rewrite its declaration file) first.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await browser?.close()
  await dev?.stop()
})

describe('pnpm dev with the guide live', () => {
  it('should show an edited word on the slide and in the notes, on the same slide, without a reload', async () => {
    const declared = await stat(declarationFile)
    await save(original.replace(before, after))
    await expect
      .poll(async () => (await listState(slide)).text, { timeout: 15_000 })
      .toContain(after)
    expect((await listState(slide)).text).not.toContain(before)
    // Same slide, same click: the two items shown before the save are still the two shown.
    expect(new URL(slide.url()).pathname).toBe(`/${listSlide}`)
    expect((await listState(slide)).shown).toBe(2)
    // Rendered again in place, not mounted again.
    expect((await listState(slide)).mark).toBe('same element')
    expect(await slide.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe('no reload')
    const notes = presenter.locator('.slidev-note').first()
    await expect.poll(() => notes.innerText(), { timeout: 15_000 }).toContain(after)
    expect(await presenter.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe(
      'no reload',
    )
    // Prose only: the declaration file of the ids is not rewritten.
    expect((await stat(declarationFile)).mtimeMs).toBe(declared.mtimeMs)
  })

  it('should show a broken figure in the error overlay at its line and column, and keep the last good slide', async () => {
    const broken = original.replace(before, after).replace(brokenImage, '  <img />')
    const line = broken.split('\n').findIndex((text) => text === '  <img />') + 1
    await save(broken)
    await overlay(slide).waitFor({ timeout: 15_000 })
    const shown = await overlay(slide).evaluate((element) => element.shadowRoot?.textContent ?? '')
    expect(shown).toContain(`packages/content/guide/intro.md:${line}:3`)
    expect(shown).toContain('needs a non-empty `src`')
    expect(shown).toContain(`> ${line} |   <img />`)
    expect((await listState(slide)).text).toContain(after)
    expect(await slide.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe('no reload')

    await save(original.replace(before, after))
    await expect.poll(() => overlay(slide).count(), { timeout: 15_000 }).toBe(0)
    expect((await listState(slide)).text).toContain(after)
    expect((await listState(slide)).shown).toBe(2)
  })

  it('should refuse a guide in which a slide names a section that is gone, naming the slide and the id', async () => {
    await save(original.replace('  - not-convinced\n', '  - still-not-convinced\n'))
    await overlay(slide).waitFor({ timeout: 15_000 })
    const shown = await overlay(slide).evaluate((element) => element.shadowRoot?.textContent ?? '')
    expect(shown).toContain("slides.md, slide 7 (Even scientists want the engineer's toolkit)")
    expect(shown).toContain('unknown section id "not-convinced"')
    expect((await listState(slide)).text).toContain(after)
    await save(original)
    await expect.poll(() => overlay(slide).count(), { timeout: 15_000 }).toBe(0)
    await expect
      .poll(async () => (await listState(slide)).text, { timeout: 15_000 })
      .toContain(before)
  })

  it('should rewrite the declaration file when a section is added', async () => {
    const declared = await readFile(declarationFile, 'utf8')
    expect(declared).not.toContain('"getting-started"')
    await save(
      original
        .replace('  - not-convinced\n', '  - not-convinced\n  - getting-started\n')
        .replace("Now that I'm done", "<hr>\n\nNow that I'm done"),
    )
    await expect
      .poll(() => readFile(declarationFile, 'utf8'), { timeout: 15_000 })
      .toContain('"getting-started"')
    expect(await readFile(declarationFile, 'utf8')).toMatch(
      / {4}"intro": "opening" \| "ai-scientists" \| "ai-engineers" \| "not-convinced" \| "getting-started"\n/,
    )
  })
})
