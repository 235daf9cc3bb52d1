/**
 * Live authoring in real Chromium: `slidev` (the talk's `pnpm dev`) on 127.0.0.1, the
 * presenter view and the slide open, then saves of the guide: a word changed, a broken
 * figure, its fix, a section added. Each save must reach the slide and the notes without
 * a reload; a broken one must show Vite's error overlay at the guide's line and column
 * and keep the last good slide.
 *
 * The server presents a copy of the content package's guide (`TALK_GUIDE_DIR`), so the
 * repository's guide never changes under the suites that run beside this one, and writes
 * the deck's declaration file of ids in a temporary folder (`TALK_GUIDE_DTS`), so the
 * type check and lint of the deck, which read the repository's, can run beside it too.
 *
 * Every wait polls a state of the page (what the slide shows, where the presenter is),
 * read again after any navigation; none waits on time.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import {
  audienceOrigin,
  cleanEnv,
  freePort,
  launchChromium,
  pollUntil,
  startProcess,
  waitForUrl,
  type RunningProcess,
} from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest'
import { guideDir } from '../lib/content.ts'
import { appDir, slidevBin } from '../test/deck.ts'

/** The declaration file of ids the dev server writes (`TALK_GUIDE_DTS`), in a temp folder. */
let declarationFile: string

// Slide 6 shows the attributes list of `ai-engineers`, one item a click.
const listSlide = 6
const before = 'Great organizational abilities'
const after = 'Great organisational abilities'
const brokenImage = /^ {2}<img src="[^"]*technical_debt[^"]*" \/>$/m
// A dev server compiles each module on its first request: slow on a busy machine.
const firstVisit = { timeoutMs: 120_000 }
// A save (or a click) reaches the views through the dev server: HMR, or Slidev's sync.
const afterSave = { timeout: 15_000 }

let copy: string
let guideFile: string
let original: string
/** The temporary folder of `declarationFile`. */
let declarations: string | undefined
let dev: RunningProcess
let browser: Browser
let origin: string
let slide: Page
let presenter: Page
const errors: string[] = []
/** How many documents each page loaded: a second one is a reload. */
const loads = new Map<Page, number>()
function countLoads(page: Page): void {
  loads.set(page, 0)
  page.on('load', () => loads.set(page, (loads.get(page) ?? 0) + 1))
}
/** What the dev server told the slide's page, in order, for the report of a failure. */
const received: string[] = []
/**
 * Every reload the dev server asked of either view since it opened, with what Vite gave
 * as its cause (`triggeredBy`, a file; or `path: "*"` alone, its dependency optimizer),
 * for the report of a failure.
 */
const reloads: string[] = []
function recordReloads(page: Page, name: string): void {
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload)
      if (text.includes('"full-reload"')) reloads.push(`${name}: ${text.slice(0, 300)}`)
    }),
  )
}

async function write(text: string): Promise<void> {
  await writeFile(guideFile, text)
}

/** The text of the slide's attribute list, and how many of its items are revealed. */
async function listState(
  page: Page,
): Promise<{ text: string; shown: number; mark: string | undefined }> {
  const list = page.locator(`#slide-content .slidev-page-${listSlide} .talk-list`)
  return list.evaluate((element) => ({
    text: element.textContent ?? '',
    shown: element.querySelectorAll('li:not(.slidev-vclick-hidden)').length,
    mark: (element as { liveMark?: string }).liveMark,
  }))
}

/**
 * Where the presenter view is, from Slidev's own navigation state (a dev server exposes
 * it as `window.__slidev__`): the slide, the click, and how many clicks the slide has
 * registered (0 until its list is mounted: a key pressed before goes to the next slide).
 */
function presenterPlace(): Promise<{ slide: number; clicks: number; total: number }> {
  return presenter.evaluate(() => {
    const { nav } = (
      window as unknown as {
        __slidev__: { nav: { currentSlideNo: number; clicks: number; clicksTotal: number } }
      }
    ).__slidev__
    return { slide: nav.currentSlideNo, clicks: nav.clicks, total: nav.clicksTotal }
  })
}

const overlay = (page: Page) => page.locator('vite-error-overlay')

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'talk-live-'))
  await cp(guideDir(), copy, { recursive: true })
  guideFile = join(copy, 'intro.md')
  original = await readFile(guideFile, 'utf8')
  declarations = await mkdtemp(join(tmpdir(), 'talk-live-types-'))
  declarationFile = join(declarations, 'guide.d.ts')
  expect(original).toContain(before)
  expect(original).toMatch(brokenImage)
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  // `--force`: Vite optimizes the deck's dependencies again, as on a machine's first run.
  // `--log info`: the server's output (printed on a failure) says why it reloaded a page.
  const args = [
    slidevBin,
    '--force',
    '--log',
    'info',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
  ]
  dev = startProcess(process.execPath, args, {
    cwd: appDir,
    env: cleanEnv({ NO_COLOR: '1', TALK_GUIDE_DIR: copy, TALK_GUIDE_DTS: declarationFile }),
  })
  await waitForUrl(`${origin}/`, { process: dev })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  context.setDefaultTimeout(firstVisit.timeoutMs)

  // The speaker's place: the presenter view drives, the slide follows. Two views that
  // Slidev trusts (both on 127.0.0.1) would drive each other: a view that opens sends
  // its place before its slide has registered its clicks (0 of 0), the other follows,
  // and which one wins depends on which message lands last. So the slide is opened as
  // the audience sees it, under another host name: it follows and never sends.
  presenter = await context.newPage()
  countLoads(presenter)
  recordReloads(presenter, 'presenter')
  presenter.on('pageerror', (error) => errors.push(`presenter: ${error.message}`))
  await presenter.goto(`${origin}/presenter/${listSlide}`)
  slide = await context.newPage()
  countLoads(slide)
  recordReloads(slide, 'slide')
  slide.on('pageerror', (error) => errors.push(`slide: ${error.message}`))
  slide.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload)
      if (!text.includes('"vue-server-ref"')) received.push(text.slice(0, 160))
    }),
  )
  await slide.goto(`${audienceOrigin(origin)}/${listSlide}`)
  try {
    await pollUntil(
      presenterPlace,
      { slide: listSlide, clicks: 0, total: 4 },
      {
        ...firstVisit,
        what: 'the presenter at slide 6, its four clicks registered',
      },
    )
    await pollUntil(async () => (await listState(slide)).shown, 0, {
      ...firstVisit,
      what: 'the slide with its list, no item revealed',
    })
    await presenter.locator('.slidev-note').first().waitFor()
    // Two clicks given in the presenter view, with its "next" button (a key would do, but
    // Slidev repeats a key held down, and a page too busy to see it go up in time takes a
    // second step); after each, both views are at that click. (A page behind another
    // gets no animation frames: these polls read the DOM directly.)
    const next = presenter.getByTitle('Go to next slide')
    for (const clicks of [1, 2]) {
      await presenter.bringToFront()
      await next.click()
      await pollUntil(
        presenterPlace,
        { slide: listSlide, clicks, total: 4 },
        {
          what: `the presenter at click ${clicks}`,
        },
      )
      await pollUntil(async () => (await listState(slide)).shown, clicks, {
        what: `the slide at click ${clicks}`,
      })
    }
  } catch (error) {
    const loaded = `documents loaded: presenter ${loads.get(presenter)}, slide ${loads.get(slide)}`
    throw new Error(
      `${String(error)}\n${loaded}\nreloads asked: ${reloads.join('\n')}\npage errors: ${errors.join('\n')}\n${dev.output()}`,
      { cause: error },
    )
  }
  await slide.bringToFront()
  // Marks that a reload would lose: on each window, and on the list's element (a list
  // rendered again keeps it, a list mounted again is a new element without it).
  await presenter.evaluate(() => Object.assign(window, { liveMark: 'no reload' }))
  await slide.evaluate(() => Object.assign(window, { liveMark: 'no reload' }))
  await slide
    .locator(`#slide-content .slidev-page-${listSlide} .talk-list`)
    .evaluate((element) => Object.assign(element, { liveMark: 'same element' }))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await dev?.stop()
  if (copy !== undefined) await rm(copy, { recursive: true, force: true })
  if (declarations !== undefined) await rm(declarations, { recursive: true, force: true })
})

beforeEach(() => {
  received.length = 0
  onTestFailed(() => {
    console.error(`The slide's page received:\n${received.join('\n')}`)
    console.error(`Reloads asked of the views:\n${reloads.join('\n')}`)
    console.error(`page errors: ${errors.join('\n')}\nThe dev server printed:\n${dev.output()}`)
  })
})

describe('pnpm dev with the guide live', () => {
  it('should open each view once, with no reload while Vite optimizes a cold dependency cache', () => {
    // Two clicks given and followed: both views were in use, not only loaded.
    expect([loads.get(presenter), loads.get(slide)]).toEqual([1, 1])
  })

  it('should show an edited word on the slide and in the notes, on the same slide, without a reload', async () => {
    const declared = await stat(declarationFile)
    await write(original.replace(before, after))
    await expect.poll(async () => (await listState(slide)).text, afterSave).toContain(after)
    expect((await listState(slide)).text).not.toContain(before)
    // Same slide, same click: the two items shown before the save are still the two shown.
    expect(new URL(slide.url()).pathname).toBe(`/${listSlide}`)
    expect((await listState(slide)).shown).toBe(2)
    // Rendered again in place, not mounted again.
    expect((await listState(slide)).mark).toBe('same element')
    expect(await slide.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe('no reload')
    const notes = presenter.locator('.slidev-note').first()
    await expect.poll(() => notes.innerText(), afterSave).toContain(after)
    expect(await presenter.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe(
      'no reload',
    )
    // Prose only: the declaration file of the ids is not rewritten.
    expect((await stat(declarationFile)).mtimeMs).toBe(declared.mtimeMs)
  })

  it('should show a broken figure in the error overlay at its line and column, and keep the last good slide', async () => {
    const broken = original.replace(before, after).replace(brokenImage, '  <img />')
    const line = broken.split('\n').findIndex((text) => text === '  <img />') + 1
    await write(broken)
    await overlay(slide).waitFor(afterSave)
    const shown = await overlay(slide).evaluate((element) => element.shadowRoot?.textContent ?? '')
    expect(shown).toContain(`${relative(appDir, guideFile)}:${line}:3`)
    expect(shown).toContain('needs a non-empty `src`')
    expect(shown).toContain(`> ${line} |   <img />`)
    expect((await listState(slide)).text).toContain(after)
    expect(await slide.evaluate(() => (window as { liveMark?: string }).liveMark)).toBe('no reload')

    await write(original.replace(before, after))
    await expect.poll(() => overlay(slide).count(), afterSave).toBe(0)
    expect((await listState(slide)).text).toContain(after)
    expect((await listState(slide)).shown).toBe(2)
  })

  it('should refuse a guide in which a slide names a section that is gone, naming the slide and the id', async () => {
    await write(original.replace('  - not-convinced\n', '  - still-not-convinced\n'))
    await overlay(slide).waitFor(afterSave)
    const shown = await overlay(slide).evaluate((element) => element.shadowRoot?.textContent ?? '')
    expect(shown).toContain("slides.md, slide 7 (Even scientists want the engineer's toolkit)")
    expect(shown).toContain('unknown section id "not-convinced"')
    expect((await listState(slide)).text).toContain(after)
    await write(original)
    await expect.poll(() => overlay(slide).count(), afterSave).toBe(0)
    await expect.poll(async () => (await listState(slide)).text, afterSave).toContain(before)
  })

  it('should rewrite the declaration file when a section is added', async () => {
    const declared = await readFile(declarationFile, 'utf8')
    expect(declared).not.toContain('"getting-started"')
    await write(
      original
        .replace('  - not-convinced\n', '  - not-convinced\n  - getting-started\n')
        .replace("Now that I'm done", "<hr>\n\nNow that I'm done"),
    )
    await expect
      .poll(() => readFile(declarationFile, 'utf8'), afterSave)
      .toContain('"getting-started"')
    expect(await readFile(declarationFile, 'utf8')).toMatch(
      / {4}"intro": "opening" \| "ai-scientists" \| "ai-engineers" \| "not-convinced" \| "getting-started"\n/,
    )
  })

  it('should still show the documents it first loaded, after every save: no reload', () => {
    expect([loads.get(presenter), loads.get(slide)]).toEqual([1, 1])
  })
})
