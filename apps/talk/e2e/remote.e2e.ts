/**
 * `pnpm dev:remote`: Slidev's remote mode with the password from TALK_REMOTE_PASSWORD,
 * bound to 127.0.0.1 here (0.0.0.0 at a venue). The presenter, with the password, moves
 * through the deck in one browser context; the audience, in another, follows. As at a
 * venue, the audience reaches the server under another host name than the presenter's
 * (`audience.localhost`), which Slidev does not trust to move the presenter.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  audienceOrigin,
  cleanEnv,
  freePort,
  launchChromium,
  startProcess,
  waitForUrl,
  type RunningProcess,
} from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appDir } from '../test/deck.ts'

const password = `venue-${process.pid}-${Date.now()}`
let server: RunningProcess | undefined
let origin: string
let browser: Browser
const types = mkdtempSync(join(tmpdir(), 'talk-remote-types-'))

/**
 * `pnpm run dev:remote` with `env` added: a process group of its own, stopped by its PID.
 * Its declaration file of ids goes to a temporary folder, not the deck's (`TALK_GUIDE_DTS`).
 */
function devRemote(env: Record<string, string>): RunningProcess {
  return startProcess('pnpm', ['run', '--silent', 'dev:remote'], {
    cwd: appDir,
    env: cleanEnv({ TALK_GUIDE_DTS: join(types, 'guide.d.ts'), ...env }, { dropRunner: true }),
  })
}

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  server = devRemote({
    TALK_REMOTE_PASSWORD: password,
    TALK_REMOTE_BIND: '127.0.0.1',
    TALK_REMOTE_PORT: String(port),
  })
  await waitForUrl(`${origin}/`, { process: server, timeoutMs: 110_000 })
  browser = await launchChromium()
}, 120_000)

// A dev server compiles each view and slide on its first visit: slow on a busy machine.
const firstVisit = { timeout: 90_000 }

/** A page in a context of its own. */
async function newPage(): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  page.setDefaultTimeout(firstVisit.timeout)
  page.setDefaultNavigationTimeout(firstVisit.timeout)
  return page
}

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(types, { recursive: true, force: true })
})

async function slideShown(page: Page): Promise<number> {
  return Number(new URL(page.url()).pathname.match(/(\d+)$/)?.[1] ?? 0)
}

describe('pnpm dev:remote', () => {
  it('should let the audience view follow the presenter', async () => {
    const presenter = await newPage()
    const audience = await newPage()
    await presenter.goto(`${origin}/presenter/1?password=${password}`)
    await presenter.locator('.slidev-note').first().waitFor()
    await audience.goto(`${audienceOrigin(origin)}/1`)
    await audience.locator('#slide-content .slidev-page-1 .slidev-layout').waitFor()

    // The presenter's "next" button (slides 1 and 2 have no clicks): not a key, which
    // Slidev repeats while it is down, on a page that may be too busy to see it go up.
    const next = presenter.getByTitle('Go to next slide')
    for (const no of [2, 3]) {
      await next.click()
      await expect.poll(() => slideShown(presenter), firstVisit).toBe(no)
      await presenter.locator(`#slide-content .slidev-page-${no} .slidev-layout`).waitFor()
      await expect.poll(() => slideShown(audience), firstVisit).toBe(no)
      await audience.locator(`#slide-content .slidev-page-${no} .slidev-layout`).waitFor()
    }
    // The speaker's printed remote URL names the password; the page never shows it.
    expect(server!.output()).toContain(`presenter/?password=${password}`)
  }, 300_000)

  it('should keep the presenter view from anyone without the password', async () => {
    const stranger = await newPage()
    // Slidev asks for the password in a prompt when the URL has none: a wrong answer.
    stranger.on('dialog', (dialog) => void dialog.accept('not-the-password'))
    for (const query of ['', '?password=not-the-password']) {
      await stranger.goto(`${origin}/presenter/2${query}`)
      await expect.poll(() => new URL(stranger.url()).pathname, { timeout: 60_000 }).toBe('/2')
      expect(await stranger.locator('.slidev-note').count()).toBe(0)
    }
  }, 300_000)

  it('should refuse to start without TALK_REMOTE_PASSWORD, naming it', async () => {
    const refused = devRemote({ TALK_REMOTE_PASSWORD: '' })
    expect(await refused.exited).not.toBe(0)
    expect(refused.output()).toContain('TALK_REMOTE_PASSWORD')
  })
})
