/**
 * XSS in a real browser, through the Vue components: the content package's
 * payloads (packages/content/test/e2e), each parsed as a guide when the parser
 * accepts it and also put by hand into every slot of a tree, rendered by
 * `GuideRenderer` with `vue/server-renderer`, checked statically, then loaded
 * into Debian's Chromium with a dialog listener and a canary the payloads
 * would set. Nothing may fire.
 */
import { GuideRenderer } from '@ai-engineer/components'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Nodes } from 'mdast'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { unsafeHtml } from '../../../content/test/html-safety.ts'
import { payloads } from '../../../content/test/e2e/payloads.ts'
import {
  handMade,
  startXssBrowser,
  type XssBrowser,
} from '../../../content/test/e2e/xss-harness.ts'

let browser: XssBrowser
let rejected = 0

function render(node: Nodes): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(GuideRenderer, { node }) }))
}

beforeAll(async () => {
  browser = await startXssBrowser()
})

afterAll(async () => {
  await browser?.close()
  console.log(
    `xss (components): ${payloads.length} payloads, ${rejected} rejected by the parser, ${browser?.external.length} external requests answered locally`,
  )
})

describe('GuideRenderer (server-rendered) in Chromium', () => {
  test.each(payloads.map((payload, index) => [index, JSON.stringify(payload), payload] as const))(
    'payload %i should run nothing: %s',
    async (index, _name, payload) => {
      const rendered: string[] = []
      try {
        const guide = await parseGuide(`# Payload\n\n${payload}\n`, { path: `payload-${index}.md` })
        rendered.push(await render(guide.tree))
      } catch (error) {
        if (!(error instanceof GuideError)) throw error
        rejected++
      }
      rendered.push(await render(handMade(payload)))

      for (const html of rendered) expect(unsafeHtml(html)).toEqual([])
      expect(await browser.run(`payload ${index}`, rendered.join('\n<hr>\n'))).toEqual([])
    },
  )
})
