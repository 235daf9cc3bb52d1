import type { Admonition, Figure, Section } from '@ai-engineer/content'
import { GuideAdmonition } from '@ai-engineer/components'
import { parseGuide } from '@ai-engineer/content/parse'
import { mount } from '@vue/test-utils'
import type { BlockContent, Paragraph, Root, Text } from 'mdast'
import { afterEach, describe, expect, test } from 'vitest'
import { html, renderers, squash } from './helpers.js'

const text = (value: string): Text => ({ type: 'text', value })
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] })

/** An admonition as `!!! kind` gives it, with `extra` over it. */
function admonition(extra: Partial<Admonition> = {}): Admonition {
  return {
    type: 'admonition',
    kind: 'note',
    title: null,
    collapsible: false,
    open: true,
    children: [paragraph('The body.')],
    ...extra,
  }
}

/** The accessible name an `aria-labelledby` gives `element`, looked up in its tree (attached or not). */
function labelOf(element: Element): string | undefined {
  const id = element.getAttribute('aria-labelledby')
  if (id === null) return undefined
  let top = element
  while (top.parentElement) top = top.parentElement
  const labels = top.querySelectorAll(`[id="${id}"]`)
  return labels.length === 1 ? squash(labels[0]!.textContent) : `(${labels.length} elements #${id})`
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe.each(renderers)('admonitions, rendered through %s', (_, render) => {
  test('should render `!!! note` as <aside> titled with the kind, capitalised, and named by it', async () => {
    const host = await render(admonition())
    const aside = host.querySelector('aside')!
    expect(aside.className).toBe('aie-admonition aie-admonition--note')
    expect(aside.getAttribute('role')).toBe('note')
    const title = aside.querySelector(':scope > p.aie-admonition-title')!
    expect(title.textContent).toBe('Note')
    expect(aside.getAttribute('aria-labelledby')).toBe(title.id)
    expect(title.id).not.toBe('')
    expect(labelOf(aside)).toBe('Note')
    expect([...aside.children].map((child) => child.outerHTML)).toEqual([
      title.outerHTML,
      '<p>The body.</p>',
    ])
    expect(host.querySelector('details, summary')).toBeNull()
  })

  test('should render `!!! warning "Custom title"` with its own title, kept as text', async () => {
    const host = await render(
      admonition({ kind: 'warning', title: 'Mind <b>the</b> gap & "quotes"' }),
    )
    const aside = host.querySelector('aside.aie-admonition--warning')!
    expect(aside.querySelector('.aie-admonition-title')!.textContent).toBe(
      'Mind <b>the</b> gap & "quotes"',
    )
    expect(aside.querySelector('b')).toBeNull()
    expect(labelOf(aside)).toBe('Mind <b>the</b> gap & "quotes"')
  })

  test('should render `!!! tip ""` without a title bar and without aria-labelledby', async () => {
    const host = await render(admonition({ kind: 'tip', title: '' }))
    const aside = host.querySelector('aside.aie-admonition--tip')!
    expect(aside.querySelector('.aie-admonition-title')).toBeNull()
    expect(aside.hasAttribute('aria-labelledby')).toBe(false)
    expect(squash(aside.textContent)).toBe('The body.')
  })

  test('should render `??? info` as a closed <details> whose <summary> is the title', async () => {
    const host = await render(admonition({ kind: 'info', collapsible: true, open: false }))
    const details = host.querySelector('details')!
    expect(details.className).toBe('aie-admonition aie-admonition--info')
    expect(details.hasAttribute('open')).toBe(false)
    expect(details.hasAttribute('role')).toBe(false)
    const summary = details.querySelector(':scope > summary')!
    expect(details.firstElementChild).toBe(summary)
    expect(summary.className).toBe('aie-admonition-title')
    expect(summary.textContent).toBe('Info')
    expect(labelOf(details)).toBe('Info')
    expect(details.querySelector(':scope > p')!.textContent).toBe('The body.')
    expect(host.querySelector('aside')).toBeNull()
  })

  test('should render `???+ info "Open"` as an open <details>', async () => {
    const host = await render(
      admonition({ kind: 'info', title: 'Open', collapsible: true, open: true }),
    )
    const details = host.querySelector('details.aie-admonition--info')!
    expect(details.hasAttribute('open')).toBe(true)
    expect(details.querySelector('summary')!.textContent).toBe('Open')
  })

  test('should keep a summary showing the kind on a foldable one with `""`: it is the only control', async () => {
    const host = await render(
      admonition({ kind: 'example', title: '', collapsible: true, open: false }),
    )
    expect(host.querySelector('details > summary')!.textContent).toBe('Example')
  })

  test('should keep any other kind as its class and title, capitalised', async () => {
    const host = await render(admonition({ kind: 'TODO' }))
    const aside = host.querySelector('aside')!
    expect(aside.className).toBe('aie-admonition aie-admonition--TODO')
    expect(aside.querySelector('.aie-admonition-title')!.textContent).toBe('Todo')
  })

  test('should render nested admonitions and a figure inside, each with its own title id', async () => {
    const figure: Figure = {
      type: 'figure',
      id: 'inside',
      src: 'https://example.org/a.png',
      alt: 'A picture',
      children: [text('Its caption.')],
    }
    const inner = admonition({ kind: 'danger', title: 'Inner', children: [figure] })
    const outer = admonition({
      kind: 'question',
      title: 'Outer',
      collapsible: true,
      open: true,
      children: [paragraph('Before.'), inner, paragraph('After.')],
    })
    const host = await render({ type: 'root', children: [outer, admonition()] })
    const details = host.querySelector('details.aie-admonition--question')!
    const aside = details.querySelector(':scope > aside.aie-admonition--danger')!
    expect(labelOf(details)).toBe('Outer')
    expect(labelOf(aside)).toBe('Inner')
    expect([...details.children].map((child) => child.tagName.toLowerCase())).toEqual([
      'summary',
      'p',
      'aside',
      'p',
    ])
    const rendered = aside.querySelector('figure#inside')!
    expect(rendered.querySelector('img')!.getAttribute('alt')).toBe('A picture')
    expect(rendered.querySelector('figcaption')!.textContent).toBe('Its caption.')
    const ids = [...host.querySelectorAll('.aie-admonition-title')].map((title) => title.id)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
  })

  test('should render any block content in the body: lists, code, headings', async () => {
    const children: BlockContent[] = [
      { type: 'heading', depth: 3, children: [text('Inside')], data: { id: 'inside' } },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [{ type: 'listItem', spread: false, children: [paragraph('tight item')] }],
      },
      { type: 'code', lang: 'ts', value: 'const a = "<b>"' },
    ]
    const host = await render(admonition({ children }))
    const aside = host.querySelector('aside')!
    expect(aside.querySelector('h3#inside')!.textContent).toBe('Inside')
    expect(html(aside.querySelector('ul')!)).toBe('<li>tight item</li>')
    expect(aside.querySelector('pre > code.language-ts')!.textContent).toBe('const a = "<b>"')
  })
})

describe('GuideAdmonition on its own', () => {
  test('should render without a renderer or plugin around it', () => {
    const wrapper = mount(GuideAdmonition, {
      props: { node: admonition({ kind: 'bug', title: 'Alone' }) },
    })
    expect(wrapper.find('aside.aie-admonition--bug > .aie-admonition-title').text()).toBe('Alone')
    expect(wrapper.find('aside > p:last-child').text()).toBe('The body.')
  })

  test('should render an admonition in a section of a page like any other block', async () => {
    const section: Section = {
      type: 'section',
      id: 'tips',
      children: [paragraph('Lead.'), admonition({ kind: 'tip' })],
    }
    const root: Root = { type: 'root', children: [section] }
    for (const [, render] of renderers) {
      const host = await render(root)
      expect(host.querySelector('section#tips > aside.aie-admonition--tip')).not.toBeNull()
    }
  })
})

describe.each(renderers)('admonitions parsed from markdown, rendered through %s', (_, render) => {
  test('should render every form mkdocs-material writes as the content package parses it', async () => {
    const markdown = [
      '# Call-outs',
      '!!! note\n    Body.',
      '!!! warning "Custom title"\n    Warn.',
      '!!! tip ""\n    No title.',
      '??? info\n    Closed.',
      '???+ todo\n    Open.\n\n    !!! danger "Inner"\n        Deep.',
    ].join('\n\n')
    const page = await parseGuide(`${markdown}\n`, { path: 'call-outs.md' })
    const host = await render(page.tree)
    const shown = [...host.querySelectorAll('.aie-admonition')].map((element) => [
      element.localName,
      element.className,
      element.hasAttribute('open'),
      labelOf(element),
      squash(element.querySelector(':scope > :not(.aie-admonition-title)')?.textContent),
    ])
    expect(shown).toEqual([
      ['aside', 'aie-admonition aie-admonition--note', false, 'Note', 'Body.'],
      ['aside', 'aie-admonition aie-admonition--warning', false, 'Custom title', 'Warn.'],
      ['aside', 'aie-admonition aie-admonition--tip', false, undefined, 'No title.'],
      ['details', 'aie-admonition aie-admonition--info', false, 'Info', 'Closed.'],
      ['details', 'aie-admonition aie-admonition--todo', true, 'Todo', 'Open.'],
      ['aside', 'aie-admonition aie-admonition--danger', false, 'Inner', 'Deep.'],
    ])
  })
})
