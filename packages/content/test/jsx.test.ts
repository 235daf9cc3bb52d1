import { getFigure, getSection, guide, type GuidePage } from '@ai-engineer/content'
import { toHtml } from '@ai-engineer/content/html'
import {
  toJsx,
  type EmojiProps,
  type FigureProps,
  type GuideComponents,
  type SectionProps,
} from '@ai-engineer/content/jsx'
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import * as preactRuntime from 'preact/jsx-runtime'
import { render as renderPreact } from 'preact-render-to-string'
import * as reactRuntime from 'react/jsx-runtime'
import { renderToStaticMarkup, renderToString } from 'react-dom/server'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'
import { unsafeHtml } from './html-safety.ts'

const page: GuidePage = guide.pages[0]!
const react = { Fragment: reactRuntime.Fragment, jsx: reactRuntime.jsx, jsxs: reactRuntime.jsxs }
const preact = {
  Fragment: preactRuntime.Fragment,
  jsx: preactRuntime.jsx,
  jsxs: preactRuntime.jsxs,
}

/** The text a browser would show for `html`, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
}

/** Every piece of prose of the tree: headings, paragraphs, list items, captions. */
function prose(tree: Nodes): string[] {
  const found: string[] = []
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'figure') {
      found.push(toString(node).replace(/\s+/g, ' ').trim())
    }
  })
  return found
}

describe.each([
  ['React 19 (react-dom/server)', () => renderToStaticMarkup(toJsx(page.tree, react))],
  ['Preact (preact-render-to-string)', () => renderPreact(toJsx(page.tree, preact))],
])('the whole guide through %s', (_name, render) => {
  const html = render()

  test('should render every word of the prose', () => {
    const text = visibleText(html)
    const pieces = prose(page.tree)
    expect(pieces.length).toBeGreaterThanOrEqual(12)
    for (const piece of pieces) expect(text).toContain(piece)
  })

  test('should render both figures with their image, caption and source link', () => {
    for (const id of ['technical-debt', 'cd4ml-end-to-end'] as const) {
      const figure = getFigure('intro', id)
      const match = new RegExp(`<figure id="user-content-${id}">(.*?)</figure>`, 's').exec(html)
      expect(match, id).not.toBeNull()
      const inner = match![1]!
      expect(inner).toContain(`src="${figure.src.replace(/&/g, '&amp;')}"`)
      expect(inner).toMatch(/<figcaption>.*<a href="https:[^"]+">Source<\/a><\/figcaption>/s)
      expect(inner).toContain(`href="${figure.source!.url}"`)
      expect(visibleText(inner)).toContain(toString(figure).trim())
    }
  })

  test('should render both emoji as labelled images', () => {
    expect(html).toContain('<span role="img" aria-label="wink">😉</span>')
    expect(html).toContain('<span role="img" aria-label="grinning">😀</span>')
  })

  test('should render the four list items', () => {
    const items = html.match(/<li>.*?<\/li>/gs) ?? []
    expect(items.map(visibleText).map((item) => item.trim())).toEqual([
      'An incredible intolerance for slobby work',
      'Great organizational abilities',
      'A demand for reproducible work with strong documentation',
      'A strong focus on the security and reliability and know how to balance both',
    ])
  })

  test('should render one section per section of the guide, with its id', () => {
    const ids = [...html.matchAll(/<section id="user-content-([^"]+)"/g)].map((m) => m[1])
    expect(ids).toEqual(page.sections.map((section) => section.id))
  })
})

describe('toJsx', () => {
  test('should render the same elements as toHtml, as React markup', () => {
    // React writes void elements as `<img/>`; toHtml as `<img>`.
    const normalise = (html: string) =>
      html
        .replace(/\s*\/>/g, '>')
        .replace(/\n/g, '')
        .replace(/&#x27;/g, "'")
    const section = getSection('intro', 'not-convinced')
    expect(normalise(renderToStaticMarkup(toJsx(section, react)))).toBe(normalise(toHtml(section)))
  })

  test('should use overrides deep in the tree, for elements and for our nodes', () => {
    const seen: { figures: FigureProps[]; emoji: EmojiProps[]; sections: SectionProps[] } = {
      figures: [],
      emoji: [],
      sections: [],
    }
    const components: GuideComponents = {
      section: (props: SectionProps) => {
        seen.sections.push(props)
        return reactRuntime.jsx('article', { id: props.id, children: props.children })
      },
      figure: (props: FigureProps) => {
        seen.figures.push(props)
        return reactRuntime.jsx('div', { className: 'my-figure', 'data-src': props.src })
      },
      emoji: ({ name, value }: EmojiProps) =>
        reactRuntime.jsx('i', { title: name, children: value }),
      li: (props) => reactRuntime.jsx('li', { className: 'my-item', children: props.children }),
      strong: 'b',
    }
    const html = renderToStaticMarkup(toJsx(page.tree, { ...react, components }))

    expect(html).not.toContain('<section')
    expect(html.match(/<article id="user-content-[^"]+">/g)).toHaveLength(4)
    expect(html).not.toContain('<figure')
    expect(html.match(/<div class="my-figure" data-src="https:[^"]+"><\/div>/g)).toHaveLength(2)
    expect(html).toContain('<i title="wink">😉</i>')
    expect(html).toContain('<i title="grinning">😀</i>')
    expect(html.match(/<li class="my-item">/g)).toHaveLength(4)
    expect(html).toContain('<b>AI Engineers</b>')

    expect(seen.sections.map((props) => props.id)).toEqual(
      page.sections.map((section) => `user-content-${section.id}`),
    )
    expect(seen.figures.map(({ id, src, alt, source }) => ({ id, src, alt, source }))).toEqual(
      page.figures.map((figure) => ({
        id: `user-content-${figure.id}`,
        src: figure.src,
        alt: figure.alt,
        source: figure.source,
      })),
    )
    // The node an override gets is the sanitized element, under its own tag name.
    expect(seen.figures[0]?.node?.tagName).toBe('figure')
  })

  test('should route an admonition to its override, and render it plainly without one', () => {
    const admonition: Nodes = {
      type: 'admonition',
      kind: 'tip',
      title: 'Ship it',
      collapsible: false,
      open: true,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Test first.' }] }],
    }
    const plain = renderToStaticMarkup(toJsx(admonition, react))
    expect(plain).toContain('Test first.')
    expect(plain).toMatch(/class="admonition tip"/)
    const components: GuideComponents = {
      admonition: (props) => reactRuntime.jsx('aside', { children: props.children }),
    }
    const html = renderToStaticMarkup(toJsx(admonition, { ...react, components }))
    expect(html).toMatch(/^<aside>.*Ship it.*Test first\..*<\/aside>$/s)
  })

  test('should throw a TypeError naming what it got, for anything but a node of ours or mdast', () => {
    const thrown = (value: unknown, options: unknown = react): Error => {
      try {
        toJsx(value as Nodes, options as typeof react)
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError)
        return error as Error
      }
      throw new Error('toJsx did not throw')
    }
    expect(thrown(null).message).toMatch(/got null$/)
    expect(thrown('# Title').message).toMatch(/got string "# Title"$/)
    expect(thrown([page.tree]).message).toMatch(/got an array$/)
    expect(thrown({ tagName: 'p' }).message).toMatch(
      /got an object without a string `type` \(keys: tagName\)$/,
    )
    expect(thrown({ type: 'element', tagName: 'p', children: [] }).message).toMatch(
      /got a node of type "element"$/,
    )
    const deep = { type: 'paragraph', children: [{ type: 'text', value: 'a' }, { type: 'raw' }] }
    expect(thrown(deep).message).toMatch(/got a node of type "raw" at node\.children\[1\]$/)
    expect(thrown({ type: 'paragraph', children: 'text' }).message).toMatch(
      /`node\.children` to be an array; got string "text"$/,
    )
    expect(thrown(page.tree, {}).message).toMatch(/\{ Fragment, jsx, jsxs \}/)
  })

  test('should give the same markup to renderToString as to renderToStaticMarkup, text-wise', () => {
    const html = renderToString(toJsx(page.tree, react))
    expect(visibleText(html)).toContain("fancy scientists' hats.")
    expect(unsafeHtml(html)).toEqual([])
  })
})
