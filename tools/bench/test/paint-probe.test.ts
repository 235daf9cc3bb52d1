import { launchChromium } from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paintProbe } from '../src/slidev-dev.ts'

// The dev loop's in-page probe, on a static page: no dev server, no timing judged.
let browser: Browser
let page: Page

const painted = (): Promise<number | undefined> =>
  page.evaluate(() => (window as { __benchPaint?: { painted?: number } }).__benchPaint?.painted)

/** Wait `frames` animation frames in the page. */
const frames = (count: number): Promise<void> =>
  page.evaluate(
    (left) =>
      new Promise<void>((resolve) => {
        const next = (): void => {
          if (--left <= 0) resolve()
          else requestAnimationFrame(next)
        }
        requestAnimationFrame(next)
      }),
    count,
  )

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

describe('the paint probe of the dev loop', () => {
  it('should stamp a frame only once the new text is visible in the box', async () => {
    await page.setContent(`
      <div id="box"><ul><li class="slidev-vclick-hidden">Great organizational abilities</li></ul></div>
      <div id="elsewhere"></div>`)
    await page.evaluate(paintProbe('#box', 'Great edit1 abilities'))
    // The text outside the box, then inside but hidden: nothing stamped.
    await page.evaluate(() => {
      document.querySelector('#elsewhere')!.textContent = 'Great edit1 abilities'
      document.querySelector('#box li')!.textContent = 'Great edit1 abilities'
    })
    await frames(5)
    expect(await painted()).toBeUndefined()
    // Revealed: stamped, after the mark.
    await page.evaluate(() =>
      document.querySelector('#box li')!.classList.remove('slidev-vclick-hidden'),
    )
    await page.waitForFunction(
      () => (window as { __benchPaint?: { painted?: number } }).__benchPaint?.painted,
    )
    const { mark, at } = await page.evaluate(() => {
      const state = (window as unknown as { __benchPaint: { mark: number; painted: number } })
        .__benchPaint
      return { mark: state.mark, at: state.painted }
    })
    expect(at).toBeGreaterThan(mark)
  })

  it('should refuse to arm when the text is on screen already', async () => {
    await page.setContent('<div id="box"><p>Four attributes of a good AI engineer</p></div>')
    await expect(
      page.evaluate(paintProbe('#box', 'Four attributes of a good AI engineer')),
    ).rejects.toThrow(/already shown/)
  })
})
