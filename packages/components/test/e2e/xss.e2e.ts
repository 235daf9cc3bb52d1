/**
 * XSS in a real browser, through the Vue components: the content package's
 * payloads (packages/content/test/e2e), each parsed as a guide when the parser
 * accepts it and also put by hand into every slot of a tree, rendered by
 * `GuideRenderer` with `vue/server-renderer`, checked statically, then loaded
 * into Debian's Chromium with a dialog listener and a canary the payloads
 * would set. Nothing may fire. Each payload also goes into admonitions: as
 * the kind (a class), the title (a `<p>` or `<summary>`) and the body, written
 * as markdown and built by hand, open, folded and nested.
 */
import { GuideRenderer } from '@ai-engineer/components'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Admonition } from '@ai-engineer/content'
import type { BlockContent, Nodes, Root } from 'mdast'
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

/** The hand-made tree of `payload`, its blocks inside admonitions of every form with `payload` as kind and title. */
function inAdmonitions(payload: string): Root {
  // An admonition holds block content: the page-level footnote definitions stay out.
  const blocks = handMade(payload)
    .children.flatMap((section) => (section.type === 'section' ? section.children : []))
    .filter((block): block is BlockContent => block.type !== 'footnoteDefinition')
  expect(blocks.length).toBeGreaterThan(5)
  const admonition = (extra: Partial<Admonition>): Admonition => ({
    type: 'admonition',
    kind: payload,
    title: payload,
    collapsible: false,
    open: true,
    children: blocks,
    ...extra,
  })
  return {
    type: 'root',
    children: [
      admonition({}),
      admonition({ title: null }),
      admonition({ kind: 'note', title: '' }),
      admonition({
        collapsible: true,
        open: true,
        children: [admonition({ collapsible: true, open: false, title: null }), ...blocks],
      }),
    ],
  }
}

/** `payload` in admonitions as an author would write them, for the parser. */
function admonitionMarkdown(payload: string): string {
  const body = payload.replace(/\n/g, '\n    ')
  return [
    `!!! note "${payload}"`,
    `    ${body}`,
    `??? ${payload}`,
    `    ${body}`,
    `???+ warning`,
    `    !!! tip "${payload}"`,
    `        ${payload.replace(/\n/g, '\n        ')}`,
  ].join('\n\n')
}

function render(node: Nodes): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(GuideRenderer, { node }) }))
}

beforeAll(async () => {
  browser = await startXssBrowser()
})

afterAll(async () => {
  await browser?.close()
  console.log(
    `xss (components): ${payloads.length} payloads (each also in admonitions), ${rejected} pieces rejected by the parser, ${browser?.external.length} external requests answered locally`,
  )
})

describe('GuideRenderer (server-rendered) in Chromium', () => {
  test.each(payloads.map((payload, index) => [index, JSON.stringify(payload), payload] as const))(
    'payload %i should run nothing: %s',
    async (index, _name, payload) => {
      const rendered: string[] = []
      for (const [name, markdown] of [
        [`payload-${index}.md`, payload],
        [`payload-${index}-admonitions.md`, admonitionMarkdown(payload)],
      ] as const) {
        try {
          const guide = await parseGuide(`# Payload\n\n${markdown}\n`, { path: name })
          rendered.push(await render(guide.tree))
        } catch (error) {
          if (!(error instanceof GuideError)) throw error
          rejected++
        }
      }
      rendered.push(await render(handMade(payload)))
      const admonitions = await render(inAdmonitions(payload))
      expect(admonitions).toContain('<details class="aie-admonition')
      expect(admonitions).toContain('<aside class="aie-admonition')
      rendered.push(admonitions)

      for (const html of rendered) expect(unsafeHtml(html)).toEqual([])
      expect(await browser.run(`payload ${index}`, rendered.join('\n<hr>\n'))).toEqual([])
    },
  )
})
