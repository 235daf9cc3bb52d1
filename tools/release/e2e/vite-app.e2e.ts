/// <reference lib="dom" />
/**
 * Longer than 250 lines on purpose: one app, installed once, whose steps (build, type
 * check, dev server) follow each other and share its folder.
 *
 * The plain Vite + Vue app that packages/content/README.md shows ("Live guides in a Vite
 * app"; its files are ./vite-app/, and test/vite-app-readme.test.ts keeps the two the
 * same), outside the workspace, on the PACKED `@ai-engineer/content`: `pnpm pack`, then
 * `npm install` of the tarball and of what the README's `npm install` lines name (vite,
 * @vitejs/plugin-vue, vue, mdast-util-to-string, typescript, vue-tsc) at the catalog's
 * versions, from npm's cache when it has them, as the round trip's consumers install
 * theirs. Its guide page is the package's own `guide/intro.md`, from the installed tarball.
 *
 * Then: `vite build` and the built app in Chromium; `vue-tsc --noEmit` passes and fails on
 * an unknown section id; `vite` dev on 127.0.0.1 in Chromium: a saved word shows without a
 * reload and leaves `src/guides.d.ts` alone, a new section rewrites it, a broken page shows
 * Vite's error overlay at its `path:line:column` and a fix clears it. KEEP_TMP=1 keeps the
 * folder.
 */
import { realpathSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  cleanEnv,
  freePort,
  launchChromium,
  serveStatic,
  startProcess,
  waitForUrl,
  type RunningProcess,
} from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeFailure, run, seconds } from '../src/exec.ts'
import { installReadmeApp, readmeApp } from '../src/readme-app.ts'
import { pack, readCatalog, repoRoot } from '../src/workspace.ts'

const template = fileURLToPath(new URL('./vite-app/', import.meta.url))
/**
 * Not in the catalog (no workspace package depends on it): the version Slidev brings into
 * the lockfile, whose peer range takes Vite 8.
 */
const pluginVueRange = '^6.0.11'
const started = performance.now()

function log(message: string): void {
  process.stderr.write(
    `[vite app ${seconds(performance.now() - started).padStart(6)}] ${message}\n`,
  )
}

/** The environment of the app's commands: ours, less pnpm's, vitest's and NODE_ENV. */
function environment(): NodeJS.ProcessEnv {
  const env = cleanEnv({ NO_COLOR: '1' }, { dropRunner: true })
  delete env.NODE_ENV
  return env
}

const opening = 'Ok, I think most people do not aspire to be an AI Engineer.'
const edited = opening.replace('aspire', 'dream')
const fixed = opening.replace('aspire', 'wish')

let tmp: string
let app: string
let page: string
let original: string

/** `node <bin> args` in the app, `bin` relative to its node_modules. */
const inApp = (bin: string, args: string[]) =>
  run(process.execPath, [path.join(app, 'node_modules', bin), ...args], {
    cwd: app,
    env: environment(),
  })

beforeAll(async () => {
  tmp = realpathSync(await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-vite-app-')))
  log(`working in ${tmp}`)
  const tarball = await pack(path.join(repoRoot, 'packages/content'), tmp)
  log(`packed ${path.basename(tarball)}`)
  app = path.join(tmp, 'app')
  await cp(template, app, { recursive: true })
  // What the README's `npm install` lines name, at the catalog's versions.
  const readme = await readmeApp(
    path.join(repoRoot, 'packages/content/README.md'),
    'Live guides in a Vite app',
  )
  const ms = await installReadmeApp({
    app,
    name: 'vite-app-with-guides',
    readme,
    tarball,
    catalog: await readCatalog(),
    ranges: { '@vitejs/plugin-vue': pluginVueRange },
    env: environment(),
  })
  log(`npm install: ${seconds(ms)}`)
  page = path.join(app, 'docs', 'intro.md')
  await cp(path.join(app, 'node_modules/@ai-engineer/content/guide/intro.md'), page)
  original = await readFile(page, 'utf8')
  expect(original).toContain(opening)
})

afterAll(async () => {
  if (tmp && !process.env.KEEP_TMP) await rm(tmp, { recursive: true, force: true })
})

describe('a Vite + Vue app on the packed @ai-engineer/content', () => {
  it('should build with vite build, the guide page compiled into the bundle', async () => {
    const build = await inApp('vite/bin/vite.js', ['build'])
    expect(build.code, describeFailure(build)).toBe(0)
    log(`vite build: ${seconds(build.ms)}`)
    const assets = path.join(app, 'dist', 'assets')
    const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'))
    const bundle = (
      await Promise.all(scripts.map((name) => readFile(path.join(assets, name), 'utf8')))
    ).join('\n')
    expect(bundle).toContain(opening)
    // The parser stays in Node (its messages would come with it): only data reaches the browser.
    expect(bundle).not.toContain('is not supported: write it in markdown')
  })

  it('should render the built app in Chromium', async () => {
    const server = await serveStatic(path.join(app, 'dist'))
    const browser = await launchChromium()
    try {
      const tab = await browser.newPage()
      const errors: string[] = []
      tab.on('pageerror', (error) => errors.push(error.message))
      await tab.goto(`${server.origin}/`)
      // Playwright waits for the heading itself (its default timeout), however busy the machine.
      const heading = await tab.locator('h1').innerText()
      expect({ heading, errors }).toEqual({ heading: 'So You Wana Be an AI Engineer?', errors: [] })
      expect(await tab.locator('p').innerText()).toContain(opening)
    } finally {
      await browser.close()
      await server.stop()
    }
  })

  it('should type-check the section ids of the written guides.d.ts with vue-tsc', async () => {
    const declared = await readFile(path.join(app, 'src/guides.d.ts'), 'utf8')
    expect(declared).toContain('declare module "virtual:guides"')
    expect(declared).toMatch(/ {4}"intro": "opening" \| "ai-scientists"/)
    const typecheck = await inApp('vue-tsc/bin/vue-tsc.js', ['--noEmit'])
    expect(typecheck.code, describeFailure(typecheck)).toBe(0)
    log(`vue-tsc --noEmit: ${seconds(typecheck.ms)}`)
  })

  it('should fail vue-tsc on a section id that is not in the guide', async () => {
    const file = path.join(app, 'src/App.vue')
    const component = await readFile(file, 'utf8')
    expect(component).toContain("getSection('intro', 'opening')")
    await writeFile(
      file,
      component.replace("getSection('intro', 'opening')", "getSection('intro', 'not-a-section')"),
    )
    try {
      const typecheck = await inApp('vue-tsc/bin/vue-tsc.js', ['--noEmit'])
      expect(typecheck.code).not.toBe(0)
      expect(typecheck.stdout).toMatch(
        /src\/App\.vue\(\d+,\d+\): error TS2345: Argument of type '"not-a-section"' is not assignable to parameter of type '"opening" \| "ai-scientists" \| "ai-engineers" \| "not-convinced"'/,
      )
    } finally {
      await writeFile(file, component)
    }
  })

  describe('in vite dev, in Chromium', () => {
    const declarationFile = () => path.join(app, 'src/guides.d.ts')
    let dev: RunningProcess
    let browser: Browser
    let tab: Page
    const errors: string[] = []
    const paragraph = () => tab.locator('p').innerText()
    const overlay = () => tab.locator('vite-error-overlay')
    const mark = () => tab.evaluate(() => (window as { liveMark?: string }).liveMark)
    /** The message of every error overlay shown since the page loaded, even for a moment. */
    const overlaysSeen = () =>
      tab.evaluate(() => (window as { overlaysSeen?: string[] }).overlaysSeen ?? [])

    beforeAll(async () => {
      const port = await freePort()
      const origin = `http://127.0.0.1:${port}`
      dev = startProcess(
        process.execPath,
        [
          path.join(app, 'node_modules/vite/bin/vite.js'),
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--strictPort',
        ],
        { cwd: app, env: environment() },
      )
      log(`vite dev started, PID ${dev.pid}`)
      await waitForUrl(`${origin}/`, { process: dev })
      browser = await launchChromium()
      const context = await browser.newContext()
      // A dev server compiles each module on its first request: slow on a busy machine.
      context.setDefaultTimeout(60_000)
      tab = await context.newPage()
      tab.on('pageerror', (error) => errors.push(error.message))
      await tab.goto(`${origin}/`)
      await tab
        .locator('h1')
        .waitFor()
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\npage errors: ${errors.join('\n')}\n${dev.output()}`)
        })
      // A reload would lose this mark.
      await tab.evaluate(() => Object.assign(window, { liveMark: 'no reload' }))
      await tab.evaluate(() => {
        const seen: string[] = []
        Object.assign(window, { overlaysSeen: seen })
        new MutationObserver(() => {
          for (const element of document.querySelectorAll('vite-error-overlay')) {
            seen.push(element.shadowRoot?.querySelector('.message')?.textContent ?? '')
          }
        }).observe(document.body, { childList: true })
      })
    }, 180_000)

    afterAll(async () => {
      await browser?.close()
      await dev?.stop()
      log(`vite dev stopped`)
    })

    it('should show the guide page', async () => {
      expect(await tab.locator('h1').innerText()).toBe('So You Wana Be an AI Engineer?')
      expect(await paragraph()).toContain(opening)
      expect(errors).toEqual([])
    })

    it('should show a saved word without a reload, leaving guides.d.ts alone', async () => {
      const before = await stat(declarationFile())
      const declared = await readFile(declarationFile(), 'utf8')
      await writeFile(page, original.replace(opening, edited))
      await expect.poll(paragraph, { timeout: 30_000 }).toContain(edited)
      expect(await mark()).toBe('no reload')
      expect(await overlaysSeen()).toEqual([])
      expect(await readFile(declarationFile(), 'utf8')).toBe(declared)
      expect((await stat(declarationFile())).mtimeMs).toBe(before.mtimeMs)
    })

    it('should rewrite guides.d.ts when a section is added', async () => {
      expect(await readFile(declarationFile(), 'utf8')).not.toContain('"live-edit"')
      const added = original
        .replace(opening, edited)
        .replace('  - not-convinced\n', '  - not-convinced\n  - live-edit\n')
        .concat('\n## Live edit\n\nA section added while the dev server runs.\n')
      await writeFile(page, added)
      await expect
        .poll(() => readFile(declarationFile(), 'utf8'), { timeout: 30_000 })
        .toMatch(/ {4}"intro": "opening" \| .*"not-convinced" \| "live-edit"\n/)
      expect(await paragraph()).toContain(edited)
      expect(await mark()).toBe('no reload')
      expect(await overlaysSeen()).toEqual([])
    })

    it("should show a broken page in Vite's error overlay at its path:line:column, and clear it on a fix", async () => {
      const good = await readFile(page, 'utf8')
      const broken = good.replace(edited, edited.replace('dream', '<blink>dream</blink>'))
      const lines = broken.split('\n')
      const line = lines.findIndex((text) => text.includes('<blink>')) + 1
      const column = (lines[line - 1] ?? '').indexOf('<blink>') + 1
      await writeFile(page, broken)
      await overlay().waitFor({ timeout: 30_000 })
      const shown = await overlay().evaluate((element) => element.shadowRoot?.textContent ?? '')
      expect(shown).toContain(`docs/intro.md:${line}:${column}`)
      expect(shown).toContain('Raw HTML `<blink>` is not supported')
      expect(shown).toContain(`> ${line} | ${lines[line - 1]}`)
      // The last good version stays on the page, and the terminal has the report.
      expect(await paragraph()).toContain(edited)
      expect(dev.output()).toContain('html-unknown')
      expect(await mark()).toBe('no reload')

      await writeFile(page, good.replace(edited, fixed))
      await expect.poll(() => overlay().count(), { timeout: 30_000 }).toBe(0)
      await expect.poll(paragraph, { timeout: 30_000 }).toContain(fixed)
      expect(await mark()).toBe('no reload')
      const seen = await overlaysSeen()
      expect(seen.length).toBeGreaterThan(0)
      for (const message of seen) expect(message).toContain('Raw HTML `<blink>`')
      expect(errors).toEqual([])
    })
  })
})
