/**
 * React 19 hydration of `toJsx` output in Debian's Chromium: the server
 * renders the guide with `renderToString`, a client bundled with esbuild
 * (React's development build, which reports every mismatch) hydrates it.
 * There must be no mismatch, no console error or warning, and the page must
 * be live afterwards (an emoji override counts clicks).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { launchChromium } from '@ai-engineer/test-utils'
import type { Browser } from 'playwright-core'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { app } from './react/app.ts'

let server: Server
let browser: Browser
let origin: string
const markup = renderToString(app())

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('react/client.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]!.text
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Hydration</title></head><body><div id="root">${markup}</div><script type="module" src="/client.js"></script></body></html>`
  server = createServer((request, response) => {
    const isScript = request.url === '/client.js'
    response.writeHead(200, {
      'content-type': isScript ? 'text/javascript' : 'text/html; charset=utf-8',
    })
    response.end(isScript ? script : page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
})

test('should hydrate the server-rendered guide with no mismatch and stay live', async () => {
  const context = await browser.newContext()
  // The figures' images are on other hosts: nothing leaves the machine, they get an empty 204.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 204 }),
  )
  const page = await context.newPage()
  const console: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      console.push(`${message.type()}: ${message.text()}`)
    }
  })
  page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`))
  await page.goto(origin, { waitUntil: 'load' })
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 20_000 })

  expect(
    await page.evaluate(() => (window as { hydrationErrors?: string[] }).hydrationErrors),
  ).toEqual([])
  expect(console).toEqual([])
  expect(markup).toContain('<button type="button" aria-label="wink">😉</button>')
  // The DOM after hydration is the server's markup, as the browser serializes it.
  const served = await page.evaluate((html) => {
    const template = document.createElement('template')
    template.innerHTML = html
    return template.innerHTML
  }, markup)
  expect(await page.locator('#root').innerHTML()).toBe(served)

  await page.getByRole('button', { name: 'wink' }).click()
  await page.getByRole('button', { name: 'wink' }).click()
  expect(await page.getByRole('button', { name: 'wink' }).textContent()).toBe('😉 2')
  expect(await page.locator('figure figcaption a').count()).toBe(2)
  expect(console).toEqual([])
})
