/**
 * The QR code to the published deck: the deck as deployed, built with `TALK_URL` (once for
 * the group, by `deployed-deck.ts`), its first and last slides photographed in Chromium
 * and their QR codes decoded (jsQR): they must give back `TALK_URL`. A bad `TALK_URL`
 * stops the build with one line naming the variable, and writes nothing. The deck built
 * without it (`dist/`) shows no QR code.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { cleanEnv, launchChromium, serveStatic, type StaticServer } from '@ai-engineer/test-utils'
import jsQR from 'jsqr'
import type { Browser, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { appDir, deckSlides, slidevBin } from '../test/deck.ts'

const run = promisify(execFile)
const deployed = inject('deployedDeck')
const talkUrl = deployed.url
const shotsDir = process.env.TALK_SHOTS || join(tmpdir(), 'talk-shots')

let site: string
let servers: StaticServer[] = []
let browser: Browser
let total: number

/** Build the deck into `out` with `env` added; resolves to the exit code and output. */
async function build(out: string, env: Record<string, string>) {
  return run(process.execPath, [slidevBin, 'build', '--out', out], {
    cwd: appDir,
    env: cleanEnv(env),
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

/** Slide `no` of the deck at `root` (its URL, with a trailing slash), once its layout and fonts are there. */
async function openSlide(root: string, no: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.goto(`${root}${no}`, { waitUntil: 'networkidle' })
  await page.locator(`#slide-content .slidev-page-${no} .slidev-layout`).waitFor()
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  return page
}

/** The text of the QR code in a PNG, or undefined when there is none. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png)
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length)
  return jsQR(pixels, image.width, image.height)?.data
}

beforeAll(async () => {
  total = (await deckSlides()).length
  site = await mkdtemp(join(tmpdir(), 'talk-qr-'))
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  for (const server of servers) await server.stop()
  servers = []
  if (site) await rm(site, { recursive: true, force: true })
})

describe('the QR code to the published deck', () => {
  it('should decode to TALK_URL on the first and the last slide', async () => {
    const server = await serveStatic(deployed.site, `${deployed.base.slice(1)}index.html`)
    servers.push(server)
    for (const no of [1, total]) {
      const page = await openSlide(`${server.origin}${deployed.base}`, no)
      const slide = page.locator('#slide-content')
      const shot = await slide.screenshot({ path: join(shotsDir, `qr-slide-${no}.png`) })
      expect(decodeQr(shot), `slide ${no}`).toBe(talkUrl)
      // Named for screen readers, with the short address printed under it.
      const code = page.locator(`.slidev-page-${no} .talk-qr svg[role="img"]`)
      expect(await code.getAttribute('aria-label')).toContain('speaker.example/so-you-wana-be')
      expect(await page.locator(`.slidev-page-${no} .talk-qr-url`).innerText()).toBe(
        'speaker.example/so-you-wana-be-an-ai-engineer',
      )
      await page.close()
    }
  })

  it('should show no QR code on the slides in between', async () => {
    const page = await openSlide(`${servers[0]!.origin}${deployed.base}`, 2)
    // Slidev keeps the neighbouring slides in the page, hidden: look at slide 2 only.
    expect(await page.locator('.slidev-page-2 .slidev-layout').count()).toBe(1)
    expect(await page.locator('.slidev-page-2 .talk-qr').count()).toBe(0)
    await page.close()
  })

  it('should show no QR code and no empty box without TALK_URL', async () => {
    const dist = join(appDir, 'dist')
    if (!existsSync(join(dist, 'index.html'))) throw new Error('run `pnpm build` first')
    const server = await serveStatic(dist)
    servers.push(server)
    for (const no of [1, total]) {
      const page = await openSlide(`${server.origin}/`, no)
      expect(await page.locator('.talk-qr, .talk-qr-code').count(), `slide ${no}`).toBe(0)
      const shot = await page.locator('#slide-content').screenshot()
      expect(decodeQr(shot), `slide ${no}`).toBeUndefined()
      await page.close()
    }
  })

  it('should stop the build with one line naming TALK_URL when it is not https', async () => {
    for (const bad of ['http://speaker.example/deck/', 'not a url']) {
      const out = join(site, 'bad')
      const built = await build(out, { TALK_URL: bad })
      expect(built.code, bad).toBe(1)
      const lines = built.stderr.trim().split('\n')
      expect(lines, bad).toHaveLength(1)
      expect(lines[0]).toMatch(/^TALK_URL must be an https: URL/)
      expect(lines[0]).toContain(JSON.stringify(bad))
      expect(existsSync(out), `${bad}: nothing written`).toBe(false)
    }
  })
})
