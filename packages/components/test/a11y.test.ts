import { guide, type Admonition } from '@ai-engineer/content'
import { GuideRenderer } from '@ai-engineer/components'
import { mount } from '@vue/test-utils'
import axe from 'axe-core'
import type { List, Root, Table } from 'mdast'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { renderSsr } from './helpers.js'

const page = guide.pages[0]!

beforeEach(() => {
  document.documentElement.lang = 'en'
  document.title = page.title
  document.body.innerHTML = '<main id="main"></main>'
})

afterEach(() => {
  document.body.innerHTML = ''
})

/** axe-core's violations for the document, every rule that can run in happy-dom enabled. */
async function violations(): Promise<axe.Result[]> {
  const results = await axe.run(document, {
    resultTypes: ['violations'],
    // happy-dom has no layout or rendering: colour contrast cannot be computed.
    rules: { 'color-contrast': { enabled: false } },
  })
  return results.violations
}

function describe(found: axe.Result[]): string[] {
  return found.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.html).join(', ')})`,
  )
}

test('should find no accessibility violations in the whole guide rendered in the DOM', async () => {
  mount(GuideRenderer, { props: { node: page.tree }, attachTo: '#main' })
  expect(document.querySelectorAll('figure svg[role="img"]')).toHaveLength(2)
  expect(describe(await violations())).toEqual([])
})

test('should find no accessibility violations in the whole guide rendered on the server', async () => {
  document.querySelector('main')!.innerHTML = await renderSsr(page.tree)
  expect(document.querySelectorAll('figure svg[role="img"]')).toHaveLength(2)
  expect(describe(await violations())).toEqual([])
})

test('should find no accessibility violations with the original images instead of diagrams', async () => {
  mount(GuideRenderer, { props: { node: page.tree, diagrams: false }, attachTo: '#main' })
  expect(document.querySelectorAll('figure img[alt]')).toHaveLength(2)
  expect(describe(await violations())).toEqual([])
})

test('should find no accessibility violations in task lists and tables', async () => {
  const tasks: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: [true, false].map((checked) => ({
      type: 'listItem',
      spread: false,
      checked,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: `Task ${checked}` }] }],
    })),
  }
  const table: Table = {
    type: 'table',
    align: ['left', 'right'],
    children: [
      {
        type: 'tableRow',
        children: ['Stage', 'Share'].map((value) => ({
          type: 'tableCell',
          children: [{ type: 'text', value }],
        })),
      },
      {
        type: 'tableRow',
        children: ['ML code', '5%'].map((value) => ({
          type: 'tableCell',
          children: [{ type: 'text', value }],
        })),
      },
    ],
  }
  const node: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Checks' }] },
      tasks,
      table,
    ],
  }
  mount(GuideRenderer, { props: { node }, attachTo: '#main' })
  expect(describe(await violations())).toEqual([])
})

test('should find no accessibility violations in admonitions of every form, nested, in the DOM and on the server', async () => {
  const body = (value: string) => [
    { type: 'paragraph' as const, children: [{ type: 'text' as const, value }] },
  ]
  const admonition = (extra: Partial<Admonition>): Admonition => ({
    type: 'admonition',
    kind: 'note',
    title: null,
    collapsible: false,
    open: true,
    children: body('Body.'),
    ...extra,
  })
  const node: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Admonitions' }] },
      admonition({}),
      admonition({ kind: 'warning', title: 'Custom title' }),
      admonition({ kind: 'tip', title: '' }),
      admonition({ kind: 'info', collapsible: true, open: false }),
      admonition({
        kind: 'danger',
        title: 'Outer',
        collapsible: true,
        open: true,
        children: [
          ...body('Before.'),
          admonition({ kind: 'todo', children: [page.figures[0]!] }),
          admonition({ kind: 'quote', title: '', collapsible: true, open: false }),
        ],
      }),
    ],
  }
  mount(GuideRenderer, { props: { node }, attachTo: '#main' })
  expect(document.querySelectorAll('.aie-admonition')).toHaveLength(7)
  expect(describe(await violations())).toEqual([])
  document.body.innerHTML = '<main id="main"></main>'
  document.querySelector('main')!.innerHTML = await renderSsr(node)
  expect(document.querySelectorAll('.aie-admonition')).toHaveLength(7)
  expect(describe(await violations())).toEqual([])
})

test('should be able to see violations at all: an image without alt is one', async () => {
  document.querySelector('main')!.innerHTML = '<h1>Broken</h1><img src="a.png">'
  expect((await violations()).map((violation) => violation.id)).toContain('image-alt')
})
