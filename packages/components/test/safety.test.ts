import type { Admonition, Figure } from '@ai-engineer/content'
import type { Image, Link, Nodes, Root } from 'mdast'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, test } from 'vitest'
import { renderers } from './helpers.js'

afterEach(() => {
  document.body.innerHTML = ''
})

/** URLs that run script, in every disguise a tree can carry (entities are decoded by parsers). */
const hostile = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\n\tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  'javascript\u0000:alert(1)',
  'javascript:alert(1)\u0000',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  '  vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ' data:text/html;charset=utf-8,<script>alert(1)</script>',
  'da\tta:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
]

/**
 * The same URLs still written as HTML character references: a tree built by
 * hand may carry them undecoded. They are inert (a relative path) wherever they
 * land, because neither Vue nor the HTML parser decodes them into a scheme.
 */
const encoded = [
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&#58;alert(1)',
  'javascript&colon;alert(1)',
  '&#118;bscript:msgbox(1)',
  'data&#58;text/html,x',
]

function tree(url: string): Root {
  const link: Link = {
    type: 'link',
    url,
    title: null,
    children: [{ type: 'text', value: 'link text' }],
  }
  const image: Image = { type: 'image', url, alt: 'image alt', title: null }
  const figure: Figure = {
    type: 'figure',
    id: 'hostile',
    src: url,
    alt: 'figure alt',
    source: { url, label: 'source label' },
    children: [{ type: 'text', value: 'caption' }],
  }
  return {
    type: 'root',
    children: [
      {
        type: 'section',
        id: 'hostile',
        children: [{ type: 'paragraph', children: [link, image] }, figure],
      },
    ],
  }
}

/** Every attribute of every element under `host`, as `[name, value]`. */
function attributes(host: Element): [string, string][] {
  return [host, ...host.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute): [string, string] => [attribute.name, attribute.value]),
  )
}

/** `value` lower-cased without whitespace and control characters, as a browser reads a scheme. */
function squeeze(value: string): string {
  return [...value.toLowerCase()].filter((char) => char.charCodeAt(0) > 0x20).join('')
}

/** The scheme a browser would give `value` as an href or src on an https page. */
function schemeOf(value: string): string {
  return new URL(value, 'https://guide.example/page').protocol
}

describe.each(renderers)('URL safety, rendered through %s', (_, render) => {
  test.each(hostile.map((url) => [JSON.stringify(url), url]))(
    'should drop %s from links, images, figure images and figure sources, keeping their text',
    async (_, url) => {
      const host = await render(tree(url))
      for (const [name, value] of attributes(host)) {
        expect(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']).not.toContain(name)
        expect(squeeze(value)).not.toMatch(/(javascript|vbscript|data|file):/)
      }
      expect(host.querySelectorAll('a')).toHaveLength(2)
      expect(host.querySelector('a')!.textContent).toBe('link text')
      expect(host.querySelectorAll('img')).toHaveLength(2) // the image and the figure's
      expect(host.querySelector('img')!.getAttribute('alt')).toBe('image alt')
      expect(host.querySelector('figcaption a')!.textContent).toBe('source label')
    },
  )

  test.each(encoded.map((url) => [url]))(
    'should leave the character references of %s inert: at most a relative URL',
    async (url) => {
      const host = await render(tree(url), { diagrams: false })
      const urls = attributes(host).filter(([name]) => name === 'href' || name === 'src')
      expect(urls.length).toBeGreaterThan(0)
      for (const [, value] of urls) {
        expect(value).toBe(url)
        expect(schemeOf(value)).toBe('https:')
      }
    },
  )

  test('should keep http, https, mailto and relative URLs', async () => {
    for (const url of [
      'https://example.org/a',
      'http://example.org/a',
      'mailto:a@example.org',
      '/a',
      '#a',
      'a.png',
    ]) {
      const host = await render(tree(url), { diagrams: false })
      expect(host.querySelector('p > a')!.getAttribute('href')).toBe(url)
      expect(host.querySelector('p > img')!.getAttribute('src')).toBe(url)
      expect(host.querySelector('figure > img')!.getAttribute('src')).toBe(url)
      expect(host.querySelector('figcaption a')!.getAttribute('href')).toBe(url)
    }
  })
})

test('should never inject HTML: the bundle sets no innerHTML, outerHTML or v-html', async () => {
  const bundle = await readFile(
    createRequire(import.meta.url).resolve('@ai-engineer/components'),
    'utf8',
  )
  expect(bundle).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|v-html/)
})

test('should render the text of an unknown node with HTML in it as nothing', async () => {
  const node = { type: 'rawHtmlish', value: '<img src=x onerror=alert(1)>' } as unknown as Nodes
  for (const [, render] of renderers) {
    const host = await render(node)
    expect(host.querySelector('img')).toBeNull()
  }
})

describe.each(renderers)('admonition safety, rendered through %s', (_, render) => {
  /** Strings that would be markup or script if a title, a kind or a body were injected as HTML. */
  const payloads = [
    '<img src=x onerror=alert(1)>',
    '</p><script>alert(1)</script>',
    '</summary></details><iframe srcdoc="<script>alert(1)</script>">',
    'x" onclick="alert(1)" data-x="',
    "x' onmouseover='alert(1)",
    'note onfocus=alert(1) autofocus',
  ]

  test.each(payloads.map((payload) => [JSON.stringify(payload), payload]))(
    'should keep %s as text in the title and body, and as class words in the kind',
    async (_, payload) => {
      const admonition = (collapsible: boolean): Admonition => ({
        type: 'admonition',
        kind: payload,
        title: payload,
        collapsible,
        open: true,
        children: [{ type: 'paragraph', children: [{ type: 'text', value: payload }] }],
      })
      const host = await render({ type: 'root', children: [admonition(false), admonition(true)] })
      const elements = [...host.querySelectorAll('*')].map((element) => element.localName)
      expect(elements).toEqual(['aside', 'p', 'p', 'details', 'summary', 'p'])
      const rendered = [...host.querySelectorAll('*')].flatMap((element) => [...element.attributes])
      for (const { name, value } of rendered) {
        expect(['class', 'id', 'role', 'open', 'aria-labelledby']).toContain(name)
        if (name === 'class' && value !== 'aie-admonition-title') {
          const words = value.split(/\s+/)
          expect(words[0]).toBe('aie-admonition')
          for (const word of words.slice(1)) expect(word).toMatch(/^aie-admonition--/)
        }
      }
      for (const title of host.querySelectorAll('.aie-admonition-title')) {
        expect(title.textContent).toBe(payload)
      }
      for (const body of host.querySelectorAll('.aie-admonition > p:last-child')) {
        expect(body.textContent).toBe(payload)
      }
    },
  )
})
