import { guide } from '@ai-engineer/content'
import { GuideRenderer } from '@ai-engineer/components'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderSsr, renderers, squash, texts } from './helpers.js'

const page = guide.pages[0]!

afterEach(() => {
  document.body.innerHTML = ''
})

describe.each(renderers)('the whole guide, rendered through %s', (_, render) => {
  test('should render every section with its id, in order', async () => {
    const host = await render(page.tree)
    expect([...host.querySelectorAll('section')].map((section) => section.id)).toEqual(
      page.sections.map((section) => section.id),
    )
  })

  test('should render the title as the one h1, with its id', async () => {
    const host = await render(page.tree)
    const headings = host.querySelectorAll('h1')
    expect(headings).toHaveLength(1)
    expect(headings[0]!.textContent).toBe('So You Wana Be an AI Engineer?')
    expect(headings[0]!.id).toBe('so-you-wana-be-an-ai-engineer')
  })

  test('should render both figures as diagrams, with their captions and source links', async () => {
    const host = await render(page.tree)
    const figures = [...host.querySelectorAll('figure')]
    expect(figures.map((figure) => figure.id)).toEqual(['technical-debt', 'cd4ml-end-to-end'])
    expect(host.querySelector('img')).toBeNull()
    for (const [figure, node] of figures.map(
      (figure, index) => [figure, page.figures[index]!] as const,
    )) {
      const svg = figure.querySelector('svg')!
      expect(svg.getAttribute('role')).toBe('img')
      expect(svg.querySelector('title')!.textContent).not.toBe('')
      const caption = figure.querySelector('figcaption')!
      expect(squash(caption.textContent)).toBe(`${texts(node).join('')} ${node.source!.label}`)
      const link = caption.querySelector('a')!
      expect(link.getAttribute('href')).toBe(node.source!.url)
      expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    }
    expect(squash(figures[0]!.querySelector('figcaption')!.textContent)).toBe(
      'The Hidden Debt in Machine Learning Systems. Source',
    )
    expect(squash(figures[1]!.querySelector('figcaption')!.textContent)).toBe(
      'Machine Learning Life Cycle. Source',
    )
  })

  test('should render both emoji, labelled with their names', async () => {
    const host = await render(page.tree)
    const emoji = [...host.querySelectorAll('[role="img"]:not(svg)')]
    expect(
      emoji.map((element) => [element.getAttribute('aria-label'), element.textContent]),
    ).toEqual([
      ['wink', '😉'],
      ['grinning', '😀'],
    ])
  })

  test('should render the four list items of the critical attributes', async () => {
    const host = await render(page.tree)
    expect([...host.querySelectorAll('ul > li')].map((item) => squash(item.textContent))).toEqual([
      'An incredible intolerance for slobby work',
      'Great organizational abilities',
      'A demand for reproducible work with strong documentation',
      'A strong focus on the security and reliability and know how to balance both',
    ])
  })

  test('should render every word of the prose, in order', async () => {
    const host = await render(page.tree)
    const rendered = squash(host.textContent)
    const prose = texts(page.tree).map(squash).filter(Boolean)
    let from = 0
    for (const run of prose) {
      const at = rendered.indexOf(run, from)
      expect(at, `missing or out of order: ${run}`).toBeGreaterThanOrEqual(0)
      from = at + run.length
    }
    // Word by word, block by block (textContent runs adjacent blocks together).
    const blocks = [...host.querySelectorAll('h1, p, li, figcaption')].map(
      (block) => block.textContent,
    )
    const words = new Set(squash(blocks.join(' ')).split(' '))
    for (const word of prose.join(' ').split(/\s+/)) expect(words).toContain(word)
    expect(rendered).toContain('bosses, consistently serenaded with smooches')
    expect(rendered).toContain('AI Scientist is sexier & is always')
  })

  test('should emphasise the bold words of the prose', async () => {
    const host = await render(page.tree)
    expect([...host.querySelectorAll('strong')].map((element) => element.textContent)).toEqual([
      'AI Scientist',
      'AI Engineers',
    ])
  })
})

test('should hydrate the server-rendered guide without a mismatch', async () => {
  const host = document.createElement('div')
  host.innerHTML = await renderSsr(page.tree)
  document.body.append(host)
  const warn = vi.spyOn(console, 'warn')
  const error = vi.spyOn(console, 'error')
  createSSRApp({ render: () => h(GuideRenderer, { node: page.tree }) }).mount(host)
  const messages = [...warn.mock.calls, ...error.mock.calls].map((call) => String(call[0]))
  expect(messages.filter((message) => /hydrat/i.test(message))).toEqual([])
  expect(host.querySelectorAll('figure svg title')[1]!.id).toBe(
    host.querySelectorAll('figure svg')[1]!.getAttribute('aria-labelledby'),
  )
  warn.mockRestore()
  error.mockRestore()
})
