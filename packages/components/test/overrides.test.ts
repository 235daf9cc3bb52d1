/* eslint-disable vue/one-component-per-file -- small override components, defined where the test uses them */
import type { Emoji, Figure } from '@ai-engineer/content'
import { guide } from '@ai-engineer/content'
import { GuideRenderer } from '@ai-engineer/components'
import type { Paragraph, Root, Strong, Text } from 'mdast'
import { afterEach, describe, expect, test } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import { html, render, renderers, squash } from './helpers.js'

const page = guide.pages[0]!

afterEach(() => {
  document.body.innerHTML = ''
})

/** A paragraph override that keeps rendering its children through the renderer. */
const FancyParagraph = defineComponent({
  props: { node: { type: Object as PropType<Paragraph>, required: true } },
  setup(props) {
    return () =>
      h(
        'p',
        { class: 'fancy' },
        props.node.children.map((child) => h(GuideRenderer, { node: child })),
      )
  },
})

const BadgeEmoji = defineComponent({
  props: { node: { type: Object as PropType<Emoji>, required: true } },
  setup(props) {
    return () => h('span', { class: 'badge', 'data-name': props.node.name }, `:${props.node.name}:`)
  },
})

const LoudText = defineComponent({
  props: { node: { type: Object as PropType<Text>, required: true } },
  setup(props) {
    return () => props.node.value.toUpperCase()
  },
})

describe.each(renderers)('overrides, rendered through %s', (_, renderAny) => {
  test('should replace the rendering of a node type everywhere in the guide, also deep in the tree', async () => {
    const host = await renderAny(page.tree, { components: { emoji: BadgeEmoji } })
    // Emoji stand in paragraphs inside sections: three levels down, behind GuideSection.
    expect(
      [...host.querySelectorAll('.badge')].map((badge) => badge.getAttribute('data-name')),
    ).toEqual(['wink', 'grinning'])
    expect(host.querySelector('.aie-emoji')).toBeNull()
  })

  test('should pass the overrides on to renderers that an override itself renders', async () => {
    const host = await renderAny(page.tree, {
      components: { paragraph: FancyParagraph, emoji: BadgeEmoji },
    })
    const fancy = host.querySelectorAll('p.fancy')
    expect(fancy.length).toBe(host.querySelectorAll('p').length)
    expect(fancy[2]!.querySelector('.badge')!.getAttribute('data-name')).toBe('wink')
  })

  test('should replace the rendering of our own node types', async () => {
    const PlainFigure = defineComponent({
      props: { node: { type: Object as PropType<Figure>, required: true } },
      setup(props) {
        return () => h('div', { class: 'plain-figure' }, props.node.id)
      },
    })
    const host = await renderAny(page.tree, { components: { figure: PlainFigure } })
    expect([...host.querySelectorAll('.plain-figure')].map((figure) => figure.textContent)).toEqual(
      ['technical-debt', 'cd4ml-end-to-end'],
    )
    expect(host.querySelector('figure, svg')).toBeNull()
  })

  test('should replace text, the leaves of the tree, in list items and captions too', async () => {
    const host = await renderAny(page.tree, { components: { text: LoudText } })
    expect(squash(host.querySelector('li')!.textContent)).toBe(
      'AN INCREDIBLE INTOLERANCE FOR SLOBBY WORK',
    )
    expect(squash(host.querySelector('figcaption')!.textContent)).toBe(
      'THE HIDDEN DEBT IN MACHINE LEARNING SYSTEMS. Source',
    )
  })

  test('should replace the root itself', async () => {
    const Summary = defineComponent({
      props: { node: { type: Object as PropType<Root>, required: true } },
      setup(props) {
        return () => h('p', { class: 'summary' }, `${props.node.children.length} sections`)
      },
    })
    const host = await renderAny(page.tree, { components: { root: Summary } })
    expect(squash(host.textContent)).toBe('4 sections')
  })
})

describe('overrides in nested renderers', () => {
  test('should merge a nested renderer’s components over its parent’s', () => {
    const Bold = defineComponent({
      props: { node: { type: Object as PropType<Strong>, required: true } },
      setup(props) {
        return () =>
          h(
            'b',
            { class: 'inner' },
            props.node.children.map((child) =>
              h(GuideRenderer, { node: child, components: { text: LoudText } }),
            ),
          )
      },
    })
    const node: Paragraph = {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'plain ' },
        { type: 'strong', children: [{ type: 'text', value: 'strong' }] },
      ],
    }
    const host = render(node, { components: { strong: Bold } })
    expect(html(host)).toBe('<p>plain <b class="inner">STRONG</b></p>')
  })

  test('should fall back to the built-in rendering for a node type without an override', () => {
    const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'kept' }] }
    expect(html(render(node, { components: { emoji: BadgeEmoji } }))).toBe('<p>kept</p>')
  })
})
