/* eslint-disable vue/one-component-per-file -- small override components, defined where the test uses them */
// Type-checked as a consumer would, under `nodenext` and `bundler` resolution,
// against the bundled dist/index.d.ts (see the tsconfig files beside it).
import { getFigure, guide, type Admonition, type Emoji } from '@ai-engineer/content'
import {
  AiEngineerComponents,
  defaultComponents,
  GuideAdmonition,
  GuideEmoji,
  GuideFigure,
  GuideRenderer,
  GuideSection,
  HiddenDebtDiagram,
  LifecycleDiagram,
  type AiEngineerComponentsOptions,
  type GuideAdmonitionProps,
  type GuideComponents,
  type GuideEmojiProps,
  type GuideFigureProps,
  type GuideNodeOf,
  type GuideNodeType,
  type GuideRendererProps,
  type GuideSectionProps,
  type HiddenDebtDiagramProps,
  type LifecycleDiagramProps,
} from '@ai-engineer/components'
import type { Paragraph } from 'mdast'
import { createApp, defineComponent, h, type GlobalComponents, type PropType } from 'vue'

const page = guide.pages[0]!

// Props types: a renderer takes any node, the root included.
export const rendererProps: GuideRendererProps = { node: page.tree, diagrams: false }
export const sectionProps: GuideSectionProps = { node: page.sections[0]! }
export const figureProps: GuideFigureProps = { node: getFigure('intro', 'technical-debt') }
export const emojiProps: GuideEmojiProps = { node: { type: 'emoji', name: 'wink', value: '😉' } }
const tip: Admonition = {
  type: 'admonition',
  kind: 'tip',
  title: null,
  collapsible: true,
  open: false,
  children: [{ type: 'paragraph', children: [{ type: 'text', value: 'A tip.' }] }],
}
export const admonitionProps: GuideAdmonitionProps = { node: tip }
export const diagramProps: [HiddenDebtDiagramProps, LifecycleDiagramProps] = [
  {},
  { title: 'Life cycle' },
]

// Our node types come through mdast's RootContentMap, augmented by @ai-engineer/content.
export const types: GuideNodeType[] = [
  'root',
  'paragraph',
  'section',
  'figure',
  'emoji',
  'admonition',
]
export const src: string = (getFigure('intro', 'cd4ml-end-to-end') satisfies GuideNodeOf<'figure'>)
  .src

// Overrides: typed by node type.
const EmojiBadge = defineComponent({
  props: { node: { type: Object as PropType<Emoji>, required: true } },
  setup: (props) => () => h('span', props.node.name),
})
const Para = defineComponent({
  props: { node: { type: Object as PropType<Paragraph>, required: true } },
  setup: (props) => () =>
    h(
      'p',
      props.node.children.map((child) => h(GuideRenderer, { node: child })),
    ),
})
export const components: GuideComponents = { emoji: EmojiBadge, paragraph: Para }

// The built-in map has a component for every node type; one without is incomplete.
export const complete: Required<GuideComponents> = defaultComponents
const { admonition: _admonition, ...withoutAdmonition } = defaultComponents
// @ts-expect-error: no component for `admonition`.
export const incomplete: Required<GuideComponents> = withoutAdmonition
// Overrides merge over the built-in map.
export const merged: Required<GuideComponents> = { ...defaultComponents, ...components }

// @ts-expect-error: `notANode` is no node type.
export const wrongKey: GuideComponents = { notANode: Para }

export const wrongNode: GuideNodeOf<'paragraph'> = {
  type: 'paragraph',
  // @ts-expect-error: a section is no phrasing content, so no paragraph child.
  children: [page.sections[0]!],
}

// The plugin, its options, and the global components it declares for templates.
const options: AiEngineerComponentsOptions = { diagrams: false, components }
createApp({ render: () => h(GuideRenderer, { node: page.tree, components }) }).use(
  AiEngineerComponents,
  options,
)
export const globals: [
  GlobalComponents['GuideRenderer'],
  GlobalComponents['GuideSection'],
  GlobalComponents['GuideFigure'],
  GlobalComponents['GuideEmoji'],
  GlobalComponents['GuideAdmonition'],
  GlobalComponents['HiddenDebtDiagram'],
  GlobalComponents['LifecycleDiagram'],
] = [
  GuideRenderer,
  GuideSection,
  GuideFigure,
  GuideEmoji,
  GuideAdmonition,
  HiddenDebtDiagram,
  LifecycleDiagram,
]

// h() checks the `node` prop.
h(GuideFigure, { node: getFigure('intro', 'technical-debt') })
// @ts-expect-error: a figure component takes a figure.
h(GuideFigure, { node: page.sections[0]! })
h(GuideAdmonition, { node: tip })
// @ts-expect-error: an admonition component takes an admonition.
h(GuideAdmonition, { node: getFigure('intro', 'technical-debt') })
