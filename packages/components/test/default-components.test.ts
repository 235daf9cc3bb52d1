/* eslint-disable vue/one-component-per-file -- small override components, defined where the test uses them */
import type { Admonition } from '@ai-engineer/content'
import { defaultComponents, GuideRenderer, type GuideComponents } from '@ai-engineer/components'
import type { Heading, ListItem, Nodes, Paragraph, Root, TableCell, Text } from 'mdast'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { html, render, renderers, squash } from './helpers.js'

afterEach(() => {
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

// The type test: the built-in map fills every key of `GuideComponents`, and a
// map without one of them does not type-check (vue-tsc, in `pnpm typecheck`).
export const complete: Required<GuideComponents> = defaultComponents
const { admonition: _admonition, ...withoutAdmonition } = defaultComponents
// @ts-expect-error: no component for `admonition`, a node type registered on mdast.
export const incomplete: Required<GuideComponents> = withoutAdmonition

describe('defaultComponents', () => {
  test('should have a component for every mdast, GFM and guide node type, and nothing else', () => {
    expect(Object.keys(defaultComponents).sort()).toEqual(
      [
        // mdast
        'root',
        'paragraph',
        'heading',
        'thematicBreak',
        'blockquote',
        'list',
        'listItem',
        'html',
        'code',
        'definition',
        'text',
        'emphasis',
        'strong',
        'inlineCode',
        'break',
        'link',
        'image',
        'linkReference',
        'imageReference',
        'yaml',
        // GFM
        'delete',
        'table',
        'tableRow',
        'tableCell',
        'footnoteDefinition',
        'footnoteReference',
        // ours
        'section',
        'figure',
        'emoji',
        'admonition',
      ].sort(),
    )
    for (const component of Object.values(defaultComponents)) expect(component).toBeTruthy()
  })

  test('should be what the renderer knows: no warning for a type in it, a warning for one outside', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // Each type with the fields its component reads.
    const fields = { children: [], value: '', depth: 2, kind: 'note', title: null, identifier: 'x' }
    const known = Object.keys(defaultComponents).map(
      (type) => ({ type, ...fields }) as unknown as Nodes,
    )
    for (const node of known) render(node)
    expect(warn).not.toHaveBeenCalled()
    render({ type: 'notInTheMap', children: [] } as unknown as Nodes)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'should render a node typed %s, a name every object inherits, as an unknown node',
    async (type) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const node = {
        type,
        children: [{ type: 'paragraph', children: [{ type: 'text', value: 'inside' }] }],
      } as unknown as Nodes
      for (const [, renderAny] of renderers) {
        expect(html(await renderAny(node, { components: {} }))).toBe('<p>inside</p>')
      }
    },
  )

  test('should let an override wrap the built-in component of its type', () => {
    const AnchoredHeading = defineComponent({
      props: { node: { type: Object as PropType<Heading>, required: true } },
      setup(props) {
        return () =>
          h('div', { class: 'anchored' }, [
            h(defaultComponents.heading, { node: props.node }),
            h('a', { href: `#${props.node.data?.id}` }, '#'),
          ])
      },
    })
    const node: Heading = {
      type: 'heading',
      depth: 2,
      data: { id: 'deep' },
      children: [{ type: 'strong', children: [{ type: 'text', value: 'Deep' }] }],
    }
    expect(html(render(node, { components: { heading: AnchoredHeading } }))).toBe(
      '<div class="anchored"><h2 id="deep"><strong>Deep</strong></h2><a href="#deep">#</a></div>',
    )
  })
})

describe.each(renderers)('parent-dependent output with overrides, through %s', (_, renderAny) => {
  /** An override that shows every attribute and prop it was given. */
  const Probe = <Node extends Nodes>(tag: string) =>
    defineComponent({
      inheritAttrs: false,
      props: { node: { type: Object as PropType<Node>, required: true } },
      setup(props, { attrs }) {
        return () =>
          h(tag, { class: 'probe', 'data-attrs': Object.keys(attrs).join(',') }, props.node.type)
      },
    })

  test('should give an override of a list item, a table cell or a heading only its node', async () => {
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'section',
          id: 'same',
          children: [
            { type: 'heading', depth: 2, data: { id: 'same' }, children: [] },
            {
              type: 'list',
              ordered: false,
              spread: false,
              children: [{ type: 'listItem', spread: false, children: [] }],
            },
            {
              type: 'table',
              align: ['center'],
              children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [] }] }],
            },
          ],
        },
      ],
    }
    const host = await renderAny(root, {
      components: {
        heading: Probe<Heading>('h6'),
        listItem: Probe<ListItem>('li'),
        tableCell: Probe<TableCell>('th'),
      },
    })
    const probes = [...host.querySelectorAll('.probe')]
    expect(probes.map((probe) => probe.textContent)).toEqual(['heading', 'listItem', 'tableCell'])
    for (const probe of probes) expect(probe.getAttribute('data-attrs')).toBe('')
  })

  test('should render a tight list item’s paragraph through a paragraph override', async () => {
    const Fancy = defineComponent({
      props: { node: { type: Object as PropType<Paragraph>, required: true } },
      setup: (props) => () =>
        h(
          'p',
          { class: 'fancy' },
          props.node.children.map((child) => h(GuideRenderer, { node: child })),
        ),
    })
    const host = await renderAny(
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [
          {
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'item' }] }],
          },
        ],
      },
      { components: { paragraph: Fancy } },
    )
    expect(html(host)).toBe('<ul><li><p class="fancy">item</p></li></ul>')
  })

  test('should replace admonitions, and what is inside them, at any depth', async () => {
    const Callout = defineComponent({
      props: { node: { type: Object as PropType<Admonition>, required: true } },
      setup: (props) => () =>
        h('div', { class: `callout ${props.node.kind}` }, [
          props.node.children.map((child) => h(GuideRenderer, { node: child })),
        ]),
    })
    const inner: Admonition = {
      type: 'admonition',
      kind: 'tip',
      title: 'Inner',
      collapsible: false,
      open: true,
      children: [{ type: 'paragraph', children: [{ type: 'text', value: 'deep' }] }],
    }
    const root: Root = {
      type: 'root',
      children: [
        {
          type: 'section',
          id: 's',
          children: [{ ...inner, kind: 'note', title: 'Outer', children: [inner] }],
        },
      ],
    }
    const calloutHost = await renderAny(root, { components: { admonition: Callout } })
    expect(html(calloutHost)).toBe(
      '<section id="s" class="aie-section"><div class="callout note"><div class="callout tip"><p>deep</p></div></div></section>',
    )

    const Loud = defineComponent({
      props: { node: { type: Object as PropType<Text>, required: true } },
      setup: (props) => () => props.node.value.toUpperCase(),
    })
    const loudHost = await renderAny(root, { components: { text: Loud } })
    expect(squash(loudHost.querySelector('aside aside > p:last-child')!.textContent)).toBe('DEEP')
    expect(loudHost.querySelector('aside aside .aie-admonition-title')!.textContent).toBe('Inner')
  })
})
