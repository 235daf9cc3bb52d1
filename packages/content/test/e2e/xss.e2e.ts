/**
 * XSS in a real browser: every payload is parsed as a guide (when the parser
 * accepts it) and also put by hand into every slot of a tree (URLs, titles,
 * ids, text, raw HTML, code, hast overrides), rendered with `toHtml`, checked
 * statically, then loaded into Debian's Chromium (playwright-core, never a
 * downloaded browser) with a dialog listener and a canary (`window.__pwned`)
 * the payloads would set. Every element gets the events inline handlers
 * listen to, and every link is clicked. Nothing may fire.
 *
 * Rendering through the Vue components is the components package's half.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toHtml } from '@ai-engineer/content/html'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Root, Text } from 'mdast'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { unsafeHtml } from '../html-safety.ts'
import { payloads } from './payloads.ts'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// TOOLCHAIN.md, gotcha 6: headless, and nothing that phones home.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** Events inline handlers in the payloads listen to. */
const events = [
  'load',
  'error',
  'click',
  'mouseover',
  'mouseenter',
  'focus',
  'blur',
  'toggle',
  'begin',
  'animationstart',
]

/** The same payload in every slot of a hand-made tree, hast overrides included. */
function handMade(payload: string): Root {
  const text = (): Text => ({ type: 'text', value: payload })
  return {
    type: 'root',
    children: [
      {
        type: 'section',
        id: payload,
        children: [
          { type: 'heading', depth: 2, data: { id: payload }, children: [text()] },
          {
            type: 'paragraph',
            children: [
              text(),
              { type: 'link', url: payload, title: payload, children: [text()] },
              { type: 'image', url: payload, alt: payload, title: payload },
              { type: 'inlineCode', value: payload },
              { type: 'html', value: payload },
              { type: 'emoji', name: payload, value: payload },
            ],
          },
          { type: 'html', value: payload },
          { type: 'code', lang: payload, meta: payload, value: payload },
          {
            type: 'figure',
            id: payload,
            src: payload,
            alt: payload,
            source: { url: payload, label: payload },
            children: [text()],
          },
          {
            type: 'list',
            ordered: false,
            children: [
              {
                type: 'listItem',
                children: [
                  {
                    type: 'paragraph',
                    children: [{ type: 'link', url: payload, children: [text()] }],
                  },
                ],
              },
            ],
          },
          {
            type: 'table',
            children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text()] }] }],
          },
          {
            // A tree may ask mdast-util-to-hast for any element and properties.
            type: 'paragraph',
            data: {
              hName: 'iframe',
              hProperties: { src: payload, srcDoc: payload, onLoad: payload },
              hChildren: [{ type: 'raw', value: payload }],
            },
            children: [text()],
          },
        ],
      },
    ],
  }
}

let server: Server
let origin: string
let browser: Browser
let context: BrowserContext
/** One tab, loading each payload's page in turn: a fresh document, so a fresh canary. */
let page: Page
const dialogs: string[] = []
/** The page each payload is served as, by path. */
const pages = new Map<string, string>()
const external: string[] = []
let rejected = 0

beforeAll(async () => {
  server = createServer((request, response) => {
    // Anything but a payload page (a relative link or image) is an empty 204: no navigation.
    const body = pages.get(request.url ?? '')
    response.writeHead(body === undefined ? 204 : 200, {
      'content-type': 'text/html; charset=utf-8',
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  })
  context = await browser.newContext()
  // Nothing leaves the machine: other hosts get an empty 204, which no navigation follows.
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      external.push(route.request().url())
      await route.fulfill({ status: 204 })
    },
  )
  page = await context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  console.log(
    `xss: ${payloads.length} payloads, ${rejected} rejected by the parser, ${external.length} external requests answered locally`,
  )
})

describe('toHtml in Chromium', () => {
  test('should have at least 50 payloads', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50)
    expect(new Set(payloads).size).toBe(payloads.length)
  })

  test.each(payloads.map((payload, index) => [index, JSON.stringify(payload), payload] as const))(
    'payload %i should run nothing: %s',
    async (index, _name, payload) => {
      const rendered: string[] = []
      try {
        const guide = await parseGuide(`# Payload\n\n${payload}\n`, { path: `payload-${index}.md` })
        rendered.push(toHtml(guide.tree))
      } catch (error) {
        if (!(error instanceof GuideError)) throw error
        rejected++
      }
      rendered.push(toHtml(handMade(payload)))

      for (const html of rendered) expect(unsafeHtml(html)).toEqual([])

      const path = `/payload/${index}`
      pages.set(
        path,
        `<!doctype html><html><head><meta charset="utf-8"><title>payload ${index}</title></head><body>${rendered.join('\n<hr>\n')}</body></html>`,
      )
      dialogs.length = 0
      await page.goto(`${origin}${path}`, { waitUntil: 'load' })
      await page.evaluate((types) => {
        for (const element of document.querySelectorAll('body *')) {
          for (const type of types) element.dispatchEvent(new Event(type))
          if (element instanceof HTMLElement) {
            element.focus()
            // A synthetic click follows links too: a `javascript:` URL would run.
            element.click()
          }
        }
      }, events)
      for (const link of await page.locator('a[href]').all()) {
        if (await link.isVisible()) await link.click({ noWaitAfter: true, timeout: 2000 })
      }
      await page.waitForTimeout(100)

      expect(dialogs).toEqual([])
      expect(page.url().split('#')[0]).toBe(`${origin}${path}`)
      const seen = await page.evaluate(() => {
        const found: string[] = []
        const canary = (window as { __pwned?: unknown }).__pwned
        if (canary !== undefined) found.push(`canary: ${String(canary)}`)
        for (const element of document.querySelectorAll('body *')) {
          const name = element.tagName.toLowerCase()
          if (/^(script|iframe|frame|object|embed|form|base|meta|link|style|svg|math)$/.test(name))
            found.push(`<${name}>`)
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${name}>`)
          }
          const url =
            element instanceof HTMLAnchorElement
              ? element.href
              : element instanceof HTMLImageElement
                ? element.src
                : ''
          if (url && !/^(https?|mailto):/.test(new URL(url).protocol)) {
            found.push(`${url} on <${name}>`)
          }
        }
        return found
      })
      expect(seen).toEqual([])
    },
  )
})
