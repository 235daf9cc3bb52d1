/* eslint-disable vue/one-component-per-file -- small override components, defined where the test uses them */
import { getFigure, guide } from '@ai-engineer/content'
import { AiEngineerComponents, GuideFigure, GuideRenderer } from '@ai-engineer/components'
import { mount } from '@vue/test-utils'
import type { Paragraph } from 'mdast'
import { afterEach, expect, test } from 'vitest'
import { createApp, createSSRApp, defineComponent, h, type PropType } from 'vue'
import { renderToString } from 'vue/server-renderer'
import setupMain from '../setup/main.ts'

const names = [
  'GuideAdmonition',
  'GuideEmoji',
  'GuideFigure',
  'GuideRenderer',
  'GuideSection',
  'HiddenDebtDiagram',
  'LifecycleDiagram',
]

afterEach(() => {
  document.body.innerHTML = ''
})

test('should register every component globally', () => {
  const app = createApp({})
  app.use(AiEngineerComponents)
  for (const name of names) expect(app.component(name), name).toBeDefined()
})

test('should let templates use the registered components by name, also under SSR', async () => {
  const Slide = {
    template: '<GuideFigure :node="figure" />',
    data: () => ({ figure: getFigure('intro', 'technical-debt') }),
  }
  const wrapper = mount(Slide, { global: { plugins: [AiEngineerComponents] } })
  expect(wrapper.find('figure#technical-debt svg[role="img"]').exists()).toBe(true)
  const app = createSSRApp({
    render: () => h(GuideRenderer, { node: guide.pages[0]!.sections[2]! }),
  })
  app.use(AiEngineerComponents)
  expect(await renderToString(app)).toContain('<section id="ai-engineers"')
})

test('should show the original images app-wide with { diagrams: false }, unless a renderer says otherwise', () => {
  const figure = getFigure('intro', 'cd4ml-end-to-end')
  const plain = mount(GuideRenderer, {
    props: { node: figure },
    global: { plugins: [[AiEngineerComponents, { diagrams: false }]] },
  })
  expect(plain.find('figure > img').attributes('src')).toBe(figure.src)
  expect(plain.find('svg').exists()).toBe(false)
  const drawn = mount(GuideRenderer, {
    props: { node: figure, diagrams: true },
    global: { plugins: [[AiEngineerComponents, { diagrams: false }]] },
  })
  expect(drawn.find('figure > svg').exists()).toBe(true)
})

test('should make links between pages with the app-wide linkUrl, unless a renderer says otherwise', () => {
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [
      {
        type: 'link',
        url: 'docker.md#basics',
        title: null,
        children: [{ type: 'text', value: 'basics' }],
        data: { pageLink: { page: 'docker', section: 'basics', from: 'index' } },
      },
    ],
  }
  const appWide = mount(GuideRenderer, {
    props: { node: paragraph },
    global: { plugins: [[AiEngineerComponents, { linkUrl: () => '/app-wide' }]] },
  })
  expect(appWide.find('a').attributes('href')).toBe('/app-wide')
  const own = mount(GuideRenderer, {
    props: { node: paragraph, linkUrl: () => '/own' },
    global: { plugins: [[AiEngineerComponents, { linkUrl: () => '/app-wide' }]] },
  })
  expect(own.find('a').attributes('href')).toBe('/own')
  const byDefault = mount(GuideRenderer, { props: { node: paragraph } })
  expect(byDefault.find('a').attributes('href')).toBe('docker/#basics')
})

test('should draw the diagram when GuideFigure is used on its own, without plugin or renderer', () => {
  const wrapper = mount(GuideFigure, { props: { node: getFigure('intro', 'technical-debt') } })
  expect(wrapper.find('figure > svg[role="img"]').exists()).toBe(true)
  expect(wrapper.find('figcaption a').attributes('rel')).toBe('noopener noreferrer')
})

test('should apply app-wide overrides, with a renderer’s own overrides winning', () => {
  const make = (name: string) =>
    defineComponent({
      props: { node: { type: Object as PropType<Paragraph>, required: true } },
      setup: () => () => h('p', { class: name }),
    })
  const node: Paragraph = { type: 'paragraph', children: [] }
  const appWide = mount(GuideRenderer, {
    props: { node },
    global: { plugins: [[AiEngineerComponents, { components: { paragraph: make('app') } }]] },
  })
  expect(appWide.classes()).toContain('app')
  const local = mount(GuideRenderer, {
    props: { node, components: { paragraph: make('local') } },
    global: { plugins: [[AiEngineerComponents, { components: { paragraph: make('app') } }]] },
  })
  expect(local.classes()).toContain('local')
})

test('should register everything as a Slidev addon through setup/main.ts', () => {
  const app = createApp({})
  setupMain({ app })
  for (const name of names) expect(app.component(name), name).toBeDefined()
})
