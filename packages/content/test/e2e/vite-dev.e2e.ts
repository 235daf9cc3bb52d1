/**
 * `@ai-engineer/content/vite` in a Vite dev server, in Debian's Chromium: an app that
 * shows one page through `loadPage` (the index, whose loader makes each page's URL at
 * run time) and accepts the guide module's updates. A save of the page reaches the page
 * shown, with no reload; so does a new heading, and a page opened after a save.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { guides } from '@ai-engineer/content/vite'
import { launchChromium } from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'

const intro = (word: string, heading = 'Second part'): string =>
  `---\nid: intro\n---\n\n# A small guide\n\nThe ${word} works here.\n\n---\n\n## ${heading}\n\nMore words.\n`

const main = `import { loadPage } from 'virtual:guides'

const text = (node) => ('value' in node ? node.value : (node.children ?? []).map(text).join(' '))

async function render(load) {
  const page = await load(new URLSearchParams(location.search).get('page'))
  document.querySelector('#title').textContent = page.title
  document.querySelector('#text').textContent = text(page.tree)
}

await render(loadPage)
if (import.meta.hot) {
  import.meta.hot.accept('virtual:guides', (next) => {
    if (next) void render(next.loadPage)
  })
}
`

let root: string
let server: ViteDevServer
let browser: Browser
let origin: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guides-vite-dev-'))
  await mkdir(join(root, 'guide'))
  await mkdir(join(root, 'src'))
  await writeFile(join(root, 'guide/intro.md'), intro('engineer'))
  await writeFile(join(root, 'guide/next.md'), '# The next page\n\nIt follows.\n')
  await writeFile(
    join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Guide</title><link rel="icon" href="data:,"></head><body><h1 id="title"></h1><p id="text"></p><script type="module" src="/src/main.js"></script></body></html>',
  )
  await writeFile(join(root, 'src/main.js'), main)
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    cacheDir: join(root, '.vite'),
    plugins: [guides({ dir: 'guide', dts: false, cacheDir: false })],
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  await server.listen()
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '')
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await rm(root, { recursive: true, force: true })
})

/** A page of the app, with the console's errors and a marker that a reload clears. */
async function open(id: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${origin}/?page=${id}`)
  await page.locator('#text').filter({ hasText: /\w/ }).waitFor()
  await page.evaluate(() => Object.assign(window, { stayed: true }))
  return { page, errors }
}

const stayed = (page: Page): Promise<unknown> =>
  page.evaluate(() => (window as { stayed?: boolean }).stayed)

test('should show a saved page in place, its new heading too, and a page opened after a save', async () => {
  const { page, errors } = await open('intro')
  expect(await page.locator('#text').textContent()).toContain('The engineer works here.')

  await writeFile(join(root, 'guide/intro.md'), intro('scientist'))
  await page.locator('#text', { hasText: 'The scientist works here.' }).waitFor()
  expect(await stayed(page)).toBe(true)

  await writeFile(join(root, 'guide/intro.md'), intro('scientist', 'Third part'))
  await page.locator('#text', { hasText: 'Third part' }).waitFor()
  expect(await stayed(page)).toBe(true)

  // Another page, first loaded after the saves, loads by the same loader.
  const other = await open('next')
  expect(await other.page.locator('#title').textContent()).toBe('The next page')
  expect([...errors, ...other.errors]).toEqual([])
})
