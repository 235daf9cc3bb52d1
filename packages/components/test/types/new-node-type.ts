// Type test, checked with its own tsconfig (`pnpm typecheck`): a node type
// registered on mdast, as the content package registers its own, is a key the
// component map must fill. The built-in map has no component for it, so it is
// no longer complete until one is given. (Kept out of the other type checks:
// the registration below holds for the whole program it is part of.)
import { defaultComponents, type GuideComponents } from '@ai-engineer/components'
import type { BlockContent, Parent } from 'mdast'
import { defineComponent, h, type PropType } from 'vue'

interface Callout extends Parent {
  type: 'callout'
  children: BlockContent[]
}

declare module 'mdast' {
  interface RootContentMap {
    callout: Callout
  }
}

// @ts-expect-error: `callout` is registered on mdast, and the built-in map has no component for it.
export const builtIn: Required<GuideComponents> = defaultComponents

const CalloutBox = defineComponent({
  props: { node: { type: Object as PropType<Callout>, required: true } },
  setup: (props) => () => h('div', props.node.type),
})

export const completed: Required<GuideComponents> = { ...defaultComponents, callout: CalloutBox }

// @ts-expect-error: a callout component takes a callout, not a paragraph.
export const wrongNode: GuideComponents = { paragraph: CalloutBox }
