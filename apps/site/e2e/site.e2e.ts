/// <reference lib="dom" />
/**
 * The guide's website in Chromium, as readers get it from a static host.
 *
 * A guide of many pages (the fixture site, under `/guide/`): every page at its own URL,
 * the nav as `mkdocs.yml` has it, every link and anchor of the site resolving, axe-core
 * clean in both palettes, readable with JavaScript off, no request to another host, the
 * palette toggle remembered. The guide this repository ships (`dist/`): search finds a
 * word on its section, and loads its index only when used.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pageUrl } from '@ai-engineer/content'
import { launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { parse } from 'yaml'
import { locustCode, siteDir } from './fixture-site.ts'

const require = createRequire(import.meta.url)
const site = inject('fixtureSite')

let browser: Browser
let fixture: StaticServer
let axeSource: string

/** The fixture's pages as its nav and folder give them: id and title, in nav order. */
const pages = [
  { id: 'index', title: 'Shipping software' },
  { id: 'docker', title: 'Containers' },
  { id: 'cicd', title: 'CI/CD' },
  { id: 'deployment', title: 'Deployment' },
  { id: 'testing/api', title: 'Load tests' },
  { id: 'testing/unit', title: 'Unit tests' },
  { id: 'drafts/notes', title: 'Notes for later' },
]

const url = (id: string): string => `${fixture.origin}${site.base}${pageUrl(id)}`

beforeAll(async () => {
  fixture = await serveStatic(site.root, false)
  browser = await launchChromium()
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
})

afterAll(async () => {
  await browser?.close()
  await fixture?.stop()
})

/** A new page in its own context; `scheme` is the system's palette it emulates. */
async function open(
  options: { scheme?: 'light' | 'dark'; javaScript?: boolean; width?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    colorScheme: options.scheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  })
  return context.newPage()
}

type NavTree = ({ title: string; children: NavTree } | { title: string; href: string })[]

/** The nav of `mkdocs.yml` (`- Title: file.md`, `- Title: [ … ]`), as the site links it. */
function navOf(entries: Record<string, unknown>[]): NavTree {
  return entries.map((entry) => {
    const [[title, value]] = Object.entries(entry) as [[string, unknown]]
    if (Array.isArray(value)) return { title, children: navOf(value as Record<string, unknown>[]) }
    const target = String(value)
    return {
      title,
      href: /^[a-z]+:/.test(target)
        ? target
        : `${site.base}${pageUrl(target.replace(/\.md$/, ''))}`,
    }
  })
}

describe('a guide of many pages, under a sub-path', () => {
  it('should render every page at its own URL, with its title and the guide in the nav', async () => {
    const page = await open()
    for (const { id, title } of pages) {
      const response = await page.goto(url(id))
      expect(response?.status(), id).toBe(200)
      expect(await page.locator('main h1').innerText(), id).toContain(title)
      expect(await page.title(), id).toBe(
        id === 'index' ? 'Shipping Software' : `${title} - Shipping Software`,
      )
      const current = page.locator('.site-nav a[aria-current="page"]')
      // Every page but the one outside the nav is marked in it.
      expect(await current.count(), id).toBe(id === 'drafts/notes' ? 0 : 1)
      // Another guide than the deck's: no section links to a slide.
      expect(await page.locator('.present').count(), id).toBe(0)
    }
    await page.context().close()
  })

  it("should order the nav and its groups as mkdocs.yml's nav", async () => {
    const config = parse(await readFile(site.guide, 'utf8'), { logLevel: 'silent' }) as {
      nav: Record<string, unknown>[]
    }
    const page = await open()
    await page.goto(url('docker'))
    const shown = await page.locator('.site-nav > ul').evaluate(function read(
      list: Element,
    ): NavTree {
      return [...list.children].map((item) => {
        const group = item.querySelector(':scope > ul')
        const title = item.querySelector(':scope > span, :scope > a')!.textContent!.trim()
        return group
          ? { title, children: read(group) }
          : { title, href: item.querySelector('a')!.getAttribute('href')! }
      })
    })
    expect(shown).toEqual(navOf(config.nav))
    await page.context().close()
  })

  it('should resolve every link and anchor of the site, and request nothing from another host', async () => {
    const page = await open()
    const foreign: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== fixture.origin) foreign.push(request.url())
    })
    const seen = new Set<string>()
    const queue = [url('index')]
    const broken: string[] = []
    let links = 0
    while (queue.length > 0) {
      const next = queue.shift()!
      const response = await page.goto(next)
      if (response?.status() !== 200) {
        broken.push(`${next}: ${response?.status()}`)
        continue
      }
      const found = await page
        .locator('a[href]')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
      for (const href of found) {
        const target = new URL(href)
        if (target.origin !== fixture.origin) continue
        links += 1
        const path = `${target.origin}${target.pathname}`
        if (target.hash) {
          if (path !== `${new URL(next).origin}${new URL(next).pathname}`) {
            await page.goto(path)
          }
          const id = decodeURIComponent(target.hash.slice(1))
          if ((await page.locator(`[id="${id}"]`).count()) !== 1)
            broken.push(`${href} (from ${next})`)
          if (path !== next) await page.goto(next)
        }
        if (!seen.has(path)) {
          seen.add(path)
          queue.push(path)
        }
      }
    }
    expect(broken).toEqual([])
    // Every page of the guide was reached by following links from the first.
    for (const { id } of pages.filter(({ id }) => id !== 'drafts/notes')) {
      expect(seen.has(url(id)), id).toBe(true)
    }
    expect(links).toBeGreaterThan(pages.length * 5)
    expect(foreign).toEqual([])
    await page.context().close()
  })

  for (const scheme of ['light', 'dark'] as const) {
    it(`should give axe-core no violation on any page in the ${scheme} palette`, async () => {
      const page = await open({ scheme })
      const violations: string[] = []
      for (const { id } of pages) {
        await page.goto(url(id))
        await page.addScriptTag({ content: axeSource })
        const found = await page.evaluate(async () => {
          const { axe } = window as unknown as {
            axe: {
              run: (
                context: Document,
                options: object,
              ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>
            }
          }
          const result = await axe.run(document, { resultTypes: ['violations'] })
          return result.violations.flatMap((violation) =>
            violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`),
          )
        })
        violations.push(...found.map((violation) => `${id}: ${violation}`))
      }
      expect(violations).toEqual([])
      await page.context().close()
    })
  }

  it('should show the page, its nav and its table of contents with JavaScript off, and no search', async () => {
    const page = await open({ javaScript: false })
    await page.goto(url('deployment'))
    expect(await page.locator('main h1').innerText()).toContain('Deployment')
    expect(await page.locator('main').innerText()).toContain('Roll out to a small share')
    expect(await page.locator('.site-nav').isVisible()).toBe(true)
    expect(await page.locator('.toc a').allInnerTexts()).toEqual(['Basics', 'Rollouts'])
    expect(await page.locator('main img').first().isVisible()).toBe(true)
    expect(await page.locator('.search').isVisible()).toBe(false)
    expect(await page.locator('.palette-toggle').isVisible()).toBe(false)
    await page.goto(url('testing/api'))
    expect(await page.locator('.code-block pre').innerText()).toBe(locustCode)
    expect(await page.locator('.code-block .copy').isVisible()).toBe(false)
    await page.context().close()
  })

  it('should print the page alone: no header, nav, table of contents or neighbours', async () => {
    const page = await open()
    await page.goto(url('deployment'))
    await page.emulateMedia({ media: 'print' })
    for (const selector of ['.site-header', '.site-nav', '.toc', '.neighbours', '.headerlink']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
    }
    expect(await page.locator('main h1').isVisible()).toBe(true)
    expect(await page.locator('main figure img').isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.locator('.site-nav').isVisible()).toBe(true)
    await page.context().close()
  })

  it('should switch the palette with the toggle and remember it on the next page', async () => {
    const page = await open({ scheme: 'light' })
    await page.goto(url('docker'))
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(await background()).toBe('rgb(255, 255, 255)')
    await page.getByRole('button', { name: 'Switch to dark palette' }).click()
    expect(await background()).not.toBe('rgb(255, 255, 255)')
    await page.goto(url('cicd'))
    expect(await page.locator('html').getAttribute('data-palette')).toBe('dark')
    expect(await background()).not.toBe('rgb(255, 255, 255)')
    await page.getByRole('button', { name: 'Switch to light palette' }).click()
    expect(await background()).toBe('rgb(255, 255, 255)')
    await page.context().close()
  })

  it('should highlight code in the palette shown, and copy it with its button', async () => {
    const page = await open({ scheme: 'light' })
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: fixture.origin,
    })
    await page.goto(url('testing/api'))
    const keyword = page.locator('.code-block .shiki span', { hasText: /^from$/ }).first()
    const color = () => keyword.evaluate((span) => getComputedStyle(span).color)
    const light = await color()
    const text = await page
      .locator('.code-block .shiki')
      .first()
      .evaluate((pre) => pre.textContent)
    expect(text).toBe(locustCode)
    await page.getByRole('button', { name: 'Switch to dark palette' }).click()
    expect(await color()).not.toBe(light)
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByRole('button', { name: 'Copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(locustCode)
    await page.context().close()
  })

  it('should emit the images through Astro, with their size, and serve a 404 page', async () => {
    const page = await open()
    await page.goto(url('deployment'))
    const image = page.locator('main figure img')
    expect(await image.getAttribute('src')).toMatch(/^\/guide\/_astro\/pipeline\.[\w-]+\.png$/)
    // Wait for the image itself (it may load after the page's `load`, as a lazy one does).
    await image.scrollIntoViewIfNeeded()
    expect(
      await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).toBe(8)
    const missing = await page.goto(`${fixture.origin}${site.base}404.html`)
    expect(missing?.status()).toBe(200)
    expect(await page.locator('h1').innerText()).toBe('Page not found')
    await page.context().close()
  })
})

describe("the guide this repository ships (pnpm build's site)", () => {
  let server: StaticServer

  beforeAll(async () => {
    server = await serveStatic(join(siteDir, 'dist'), false)
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('should find "deployment" on the AI engineers section, loading the index only when used', async () => {
    const page = await open()
    const requested: string[] = []
    page.on('request', (request) => requested.push(new URL(request.url()).pathname))
    await page.goto(`${server.origin}/intro/`)
    expect(requested).not.toContain('/search.json')
    await page.getByRole('searchbox', { name: 'Search the guide' }).fill('deployment')
    const result = page.locator('.search-results a').first()
    expect(await result.getAttribute('href')).toBe('/intro/#ai-engineers')
    expect(requested).toContain('/search.json')
    await result.click()
    await page.waitForURL(`${server.origin}/intro/#ai-engineers`)
    expect(await page.locator('#ai-engineers').innerText()).toContain('testing, deployment')
    await page.context().close()
  })

  it('should link each section that a slide presents to that slide of the deck beside it', async () => {
    const page = await open()
    await page.goto(`${server.origin}/intro/`)
    const links = await page
      .locator('section .present a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => [anchor.closest('section')!.id, anchor.getAttribute('href')]),
      )
    // slides.md: slide 1 presents `opening`, 2 `ai-scientists`, 3 to 6 `ai-engineers`,
    // 7 `not-convinced`: each section links to its first slide.
    expect(links).toEqual([
      ['opening', '/talk/1'],
      ['ai-scientists', '/talk/2'],
      ['ai-engineers', '/talk/3'],
      ['not-convinced', '/talk/7'],
    ])
    await page.context().close()
  })

  it('should send the root to the first page', async () => {
    const page = await open()
    await page.goto(`${server.origin}/`)
    await page.waitForURL(`${server.origin}/intro/`)
    expect(await page.locator('main h1').innerText()).toContain('So You Wana Be an AI Engineer?')
    await page.context().close()
  })
})
