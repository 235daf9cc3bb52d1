/**
 * The browser half of the XSS tests, shared by the content package (`toHtml`)
 * and the components package (`GuideRenderer` through `vue/server-renderer`):
 * a page per payload served from 127.0.0.1, loaded into Debian's Chromium
 * (playwright-core, never a downloaded browser) with a dialog listener and a
 * canary (`window.__pwned`) the payloads would set. Every element gets the
 * events inline handlers listen to (pointer and mouse events among them), is
 * focused and clicked: `click()` runs a link's activation, so a `javascript:`
 * URL would run, and a URL that leaves the page is caught as a navigation or
 * an external request. Every link's URL is also checked for its scheme.
 * `run` returns what fired or should not be there; empty is safe.
 *
 * The clicks are the DOM's own, in one call per page: Playwright's clicks (one
 * round trip, scroll and hit test a link) cost a third of the suite's CPU and
 * reached nothing these do not.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Root, Text } from 'mdast'
import { launchChromium } from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'

/** Events inline handlers in the payloads listen to. */
const events = [
  'load',
  'error',
  'click',
  'mousedown',
  'mouseup',
  'mouseover',
  'mouseenter',
  'pointerdown',
  'pointerup',
  'pointerover',
  'focus',
  'blur',
  'toggle',
  'begin',
  'animationstart',
]

/** The same payload in every slot of a hand-made tree, hast overrides included. */
export function handMade(payload: string): Root {
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
          ...[false, true].map((collapsible) => ({
            type: 'admonition' as const,
            kind: payload,
            title: payload,
            collapsible,
            open: true,
            children: [
              { type: 'paragraph' as const, children: [text()] },
              { type: 'html' as const, value: payload },
            ],
          })),
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

export interface XssBrowser {
  /** Load `html` as the body of a fresh page and poke it: what fired or is unsafe. */
  run(name: string, html: string): Promise<string[]>
  /** Requests to other hosts, answered locally with an empty 204. */
  external: string[]
  close(): Promise<void>
}

/** Start the page server and Chromium. */
export async function startXssBrowser(): Promise<XssBrowser> {
  const pages = new Map<string, string>()
  const external: string[] = []
  const dialogs: string[] = []
  const server: Server = createServer((request, response) => {
    // Anything but a payload page (a relative link or image) is an empty 204: no navigation.
    const body = pages.get(request.url ?? '')
    response.writeHead(body === undefined ? 204 : 200, {
      'content-type': 'text/html; charset=utf-8',
    })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser: Browser = await launchChromium()
  const context = await browser.newContext()
  // Nothing leaves the machine: other hosts get an empty 204, which no navigation follows.
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      external.push(route.request().url())
      await route.fulfill({ status: 204 })
    },
  )
  // One tab, loading each payload's page in turn: a fresh document, so a fresh canary.
  const page: Page = await context.newPage()
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })

  async function run(name: string, html: string): Promise<string[]> {
    const path = `/payload/${encodeURIComponent(name)}`
    pages.set(
      path,
      `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body>${html}</body></html>`,
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
    await page.waitForTimeout(100)

    const found = dialogs.map((dialog) => `dialog ${dialog}`)
    if (page.url().split('#')[0] !== `${origin}${path}`) found.push(`navigated to ${page.url()}`)
    found.push(
      ...(await page.evaluate(() => {
        const seen: string[] = []
        const canary = (window as { __pwned?: unknown }).__pwned
        if (canary !== undefined) seen.push(`canary: ${String(canary)}`)
        for (const element of document.querySelectorAll('body *')) {
          const name = element.tagName.toLowerCase()
          if (/^(script|iframe|frame|object|embed|form|base|meta|link|style|svg|math)$/.test(name))
            seen.push(`<${name}>`)
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) seen.push(`${attribute.name} on <${name}>`)
          }
          const url =
            element instanceof HTMLAnchorElement
              ? element.href
              : element instanceof HTMLImageElement
                ? element.src
                : ''
          if (url && !/^(https?|mailto):/.test(new URL(url).protocol)) {
            seen.push(`${url} on <${name}>`)
          }
        }
        return seen
      })),
    )
    return found
  }

  return {
    run,
    external,
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
