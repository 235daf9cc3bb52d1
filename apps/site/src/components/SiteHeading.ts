/**
 * A heading with a permalink after its text, as mkdocs-material shows them (`¶`): to the
 * section's id when the heading opens its section (the section holds the id, so the
 * heading has none), to its own otherwise.
 */
import type { Heading } from 'mdast'
import { defineComponent, h, toRaw, type PropType } from 'vue'
import { GuideRenderer } from '@ai-engineer/components'
import { sectionHeadings } from '../lib/guide.ts'

export default defineComponent({
  name: 'SiteHeading',
  props: {
    node: { type: Object as PropType<Heading>, required: true },
  },
  setup(props) {
    return () => {
      const section = sectionHeadings.get(toRaw(props.node))
      const id = section ?? props.node.data?.id
      return h(`h${props.node.depth}`, { id: section === undefined ? id : undefined }, [
        ...props.node.children.map((child) => h(GuideRenderer, { node: child })),
        id === undefined
          ? null
          : h('a', { class: 'headerlink', href: `#${id}`, 'aria-label': 'Permanent link' }, '¶'),
      ])
    }
  },
})
