/**
 * XSS through `toJsx`: every payload parsed as a guide (when the parser
 * accepts it) and put by hand into every slot of a tree, rendered with
 * `toJsx` and React 19's `renderToStaticMarkup`, checked statically, then
 * loaded into Debian's Chromium and poked (see xss-harness.ts). Nothing may
 * fire, and no unsafe URL may reach a prop.
 */
import { isSafeUrl } from '@ai-engineer/content'
import { toJsx } from '@ai-engineer/content/jsx'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Root } from 'mdast'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { unsafeHtml } from '../html-safety.ts'
import { payloads } from './payloads.ts'
import { handMade, startXssBrowser, type XssBrowser } from './xss-harness.ts'

let browser: XssBrowser
let rejected = 0
let rendered = 0
let preloads = 0

/** Every URL-valued prop any element was given, with what it was given. */
const urlProps: string[] = []
const spy =
  (create: typeof jsx) => (type: unknown, props: Record<string, unknown>, key?: string) => {
    for (const name of ['href', 'src', 'action', 'formAction', 'srcDoc', 'poster', 'data']) {
      if (typeof props[name] === 'string') urlProps.push(props[name])
    }
    for (const name of Object.keys(props)) {
      if (/^on/i.test(name)) urlProps.push(`handler ${name}`)
    }
    return create(type as never, props, key)
  }
const runtime = { Fragment, jsx: spy(jsx), jsxs: spy(jsxs) }

beforeAll(async () => {
  browser = await startXssBrowser()
})

afterAll(async () => {
  await browser?.close()
  console.log(
    `xss through toJsx: ${payloads.length} payloads, ${rendered} trees rendered, ${rejected} rejected by the parser, ${urlProps.length} URL props checked, ${preloads} React image preloads checked, ${browser?.external.length} external requests answered locally`,
  )
})

describe('toJsx with React SSR in Chromium', () => {
  test.each(payloads.map((payload, index) => [index, JSON.stringify(payload), payload] as const))(
    'payload %i should run nothing and give no prop an unsafe URL: %s',
    async (index, _name, payload) => {
      const trees: Root[] = [handMade(payload)]
      try {
        trees.push((await parseGuide(`# Payload\n\n${payload}\n`, { path: `p-${index}.md` })).tree)
      } catch (error) {
        if (!(error instanceof GuideError)) throw error
        rejected++
      }
      const before = urlProps.length
      const html = trees.map((tree) => renderToStaticMarkup(toJsx(tree, runtime) as never))
      rendered += trees.length
      const unsafe = urlProps
        .slice(before)
        .filter((value) => value.startsWith('handler ') || !isSafeUrl(value))
      expect(unsafe).toEqual([])
      // React 19 adds `<link rel="preload" as="image">` for each eager image it renders: its
      // URL is the sanitized `src`, so it must be safe too; then it is set aside.
      const content = html.map((markup) =>
        markup.replace(/<link rel="preload" as="image" href="([^"]*)"\/>/g, (_link, href) => {
          expect(isSafeUrl(String(href).replaceAll('&amp;', '&')), href).toBe(true)
          preloads++
          return ''
        }),
      )
      for (const markup of content) expect(unsafeHtml(markup)).toEqual([])
      expect(await browser.run(`jsx payload ${index}`, content.join('\n<hr>\n'))).toEqual([])
    },
  )

  test('should have seen the URL props of the payloads that are safe', () => {
    // Relative and http(s) payload URLs survive the sanitizer, so props were checked.
    expect(urlProps.length).toBeGreaterThan(payloads.length)
  })
})
