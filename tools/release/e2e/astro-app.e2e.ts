/**
 * The Astro site that packages/content/README.md shows ("An Astro site"), outside the
 * workspace, on the PACKED `@ai-engineer/content`: its files are written from the
 * README's code blocks, its dependencies are what the README's `npm install` line names
 * (at the catalog's versions), installed with `npm install` as the round trip's consumers
 * install theirs. Its guide page is the package's own `guide/intro.md`, from the
 * installed tarball.
 *
 * Then: `astro build` writes the page at its URL; `astro dev` on 127.0.0.1 serves it, a
 * saved word shows without a restart, and a save that breaks the page logs the error at
 * its `path:line:column`, keeps the last good page and opens Astro's error overlay (the
 * README's `guideOverlay()`) in Chromium, which a fixing save closes. KEEP_TMP=1 keeps
 * the folder.
 */
import { realpathSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  cleanEnv,
  freePort,
  launchChromium,
  pollUntil,
  startProcess,
  waitForUrl,
  type RunningProcess,
} from '@ai-engineer/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeFailure, run, seconds } from '../src/exec.ts'
import { installReadmeApp, readmeApp } from '../src/readme-app.ts'
import { pack, readCatalog, repoRoot } from '../src/workspace.ts'

const started = performance.now()

function log(message: string): void {
  process.stderr.write(
    `[astro app ${seconds(performance.now() - started).padStart(6)}] ${message}\n`,
  )
}

/** The environment of the app's commands: ours, less pnpm's and vitest's; no telemetry. */
function environment(): NodeJS.ProcessEnv {
  const env = cleanEnv({ NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' }, { dropRunner: true })
  delete env.NODE_ENV
  return env
}

const opening = 'Ok, I think most people do not aspire to be an AI Engineer.'
const edited = opening.replace('aspire', 'dream')

let tmp: string
let app: string
let page: string
let original: string

const astro = (args: string[]) =>
  run(process.execPath, [path.join(app, 'node_modules/astro/bin/astro.mjs'), ...args], {
    cwd: app,
    env: environment(),
  })

beforeAll(async () => {
  tmp = realpathSync(await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-astro-app-')))
  log(`working in ${tmp}`)
  const tarball = await pack(path.join(repoRoot, 'packages/content'), tmp)
  app = path.join(tmp, 'app')
  const readme = await readmeApp(path.join(repoRoot, 'packages/content/README.md'), 'An Astro site')
  expect([...readme.files.keys()].sort()).toEqual([
    'astro.config.mjs',
    'src/content.config.ts',
    'src/pages/[...slug].astro',
  ])
  for (const [file, text] of readme.files) {
    await mkdir(path.dirname(path.join(app, file)), { recursive: true })
    await writeFile(path.join(app, file), text)
  }
  const ms = await installReadmeApp({
    app,
    name: 'astro-site-with-guides',
    readme,
    tarball,
    catalog: await readCatalog(),
    env: environment(),
  })
  log(`npm install: ${seconds(ms)}`)
  page = path.join(app, 'docs', 'intro.md')
  await mkdir(path.dirname(page), { recursive: true })
  await cp(path.join(app, 'node_modules/@ai-engineer/content/guide/intro.md'), page)
  original = await readFile(page, 'utf8')
  expect(original).toContain(opening)
})

afterAll(async () => {
  if (tmp && !process.env.KEEP_TMP) await rm(tmp, { recursive: true, force: true })
})

describe('an Astro site on the packed @ai-engineer/content', () => {
  it('should build the page at its URL with astro build', async () => {
    const build = await astro(['build'])
    expect(build.code, describeFailure(build)).toBe(0)
    log(`astro build: ${seconds(build.ms)}`)
    expect(build.stdout).toMatch(/\[@ai-engineer\/content\/astro\] 1 page in \d+ ms \(1 parsed/)
    const html = await readFile(path.join(app, 'dist/intro/index.html'), 'utf8')
    expect(html).toContain(
      '<title>So You Wana Be an AI Engineer? - So You Wana Be an AI Engineer?</title>',
    )
    expect(html).toContain(opening)
    expect(html).toContain('<h1 id="user-content-so-you-wana-be-an-ai-engineer">')
  })

  describe('in astro dev', () => {
    let dev: RunningProcess
    let origin: string
    const html = async () => (await fetch(`${origin}/intro/`)).text()

    beforeAll(async () => {
      const port = await freePort()
      origin = `http://127.0.0.1:${port}`
      dev = startProcess(
        process.execPath,
        [
          path.join(app, 'node_modules/astro/bin/astro.mjs'),
          'dev',
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
        ],
        { cwd: app, env: environment() },
      )
      log(`astro dev started, PID ${dev.pid}`)
      await waitForUrl(`${origin}/intro/`, { process: dev, timeoutMs: 120_000 })
    })

    afterAll(async () => {
      await dev?.stop()
      await writeFile(page, original)
    })

    it('should serve the page, and a saved word without a restart', async () => {
      expect(await html()).toContain(opening)
      const before = dev.output()
      await writeFile(page, original.replace(opening, edited))
      await pollUntil(html, (text) => text.includes(edited), {
        timeoutMs: 60_000,
        what: 'the saved word on the page',
      })
      expect(dev.output().slice(before.length)).toMatch(
        /1 page in \d+ ms \(1 parsed, 0 from the cache; 1 entry written\)/,
      )
    })

    it('should log an error at its path:line:column, keep the last good page, and show it in the overlay until fixed', async () => {
      const browser = await launchChromium()
      try {
        const tab = await browser.newPage()
        await tab.goto(`${origin}/intro/`)
        await tab.getByText(edited).waitFor()
        const before = dev.output().length
        await writeFile(page, `${original.replace(opening, edited)}\n![Gone](images/gone.png)\n`)
        const line = original.split('\n').length + 1
        const output = await pollUntil(
          () => dev.output().slice(before),
          (text) => text.includes('images/gone.png'),
          { timeoutMs: 60_000, what: 'the error in the log' },
        )
        expect(output).toContain(
          `docs/intro.md:${line}:1: error The image \`images/gone.png\` is missing`,
        )
        expect(await html()).toContain(edited)

        // The overlay (a custom element; its text in a shadow root): the message, the
        // place, and the page's line.
        const overlay = tab.locator('vite-error-overlay')
        await overlay.waitFor()
        const message = overlay.locator('#message-content')
        await message.waitFor()
        expect(await message.textContent()).toContain(
          `docs/intro.md:${line}:1: The image images/gone.png is missing`,
        )
        expect(await overlay.locator('#code').textContent()).toContain('![Gone](images/gone.png)')

        // A save that fixes it reloads the page, with no overlay.
        await writeFile(page, original)
        await overlay.waitFor({ state: 'detached', timeout: 60_000 })
        await tab.getByText(opening).waitFor()
        expect(dev.output()).not.toMatch(/Unhandled|ELIFECYCLE/)
      } finally {
        await browser.close()
      }
    })
  })
})
