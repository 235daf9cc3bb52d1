/**
 * XSS in a real browser: every payload is parsed as a guide (when the parser
 * accepts it) and also put by hand into every slot of a tree (URLs, titles,
 * ids, text, raw HTML, code, hast overrides), rendered with `toHtml`, checked
 * statically, then loaded into Debian's Chromium with a dialog listener and a
 * canary the payloads would set (see xss-harness.ts). Nothing may fire.
 *
 * The components package runs the same payloads through `GuideRenderer`.
 */
import { toHtml } from '@ai-engineer/content/html'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { unsafeHtml } from '../html-safety.ts'
import { payloads } from './payloads.ts'
import { handMade, startXssBrowser, type XssBrowser } from './xss-harness.ts'

let browser: XssBrowser
let rejected = 0

beforeAll(async () => {
  browser = await startXssBrowser()
})

afterAll(async () => {
  await browser?.close()
  console.log(
    `xss: ${payloads.length} payloads, ${rejected} rejected by the parser, ${browser?.external.length} external requests answered locally`,
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
      // The payload as a page, and as an admonition's title and body.
      const title = payload.replace(/[\r\n]+/g, ' ')
      for (const page of [
        payload,
        `!!! note "${title}"\n    ${payload.replace(/\n/g, '\n    ')}`,
      ]) {
        try {
          const guide = await parseGuide(`# Payload\n\n${page}\n`, { path: `payload-${index}.md` })
          rendered.push(toHtml(guide.tree))
        } catch (error) {
          if (!(error instanceof GuideError)) throw error
          rejected++
        }
      }
      rendered.push(toHtml(handMade(payload)))

      for (const html of rendered) expect(unsafeHtml(html)).toEqual([])
      expect(await browser.run(`payload ${index}`, rendered.join('\n<hr>\n'))).toEqual([])
    },
  )
})
