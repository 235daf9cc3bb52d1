/**
 * A section of a page, as the site shows it: `<section id>` around its blocks, and when
 * a slide of the deck presents it, a "present this" link to that slide.
 */
import { GuideRenderer } from '@ai-engineer/components'
import type { Section } from '@ai-engineer/content'
import { defineComponent, h, toRaw, type PropType } from 'vue'
import { sectionSlides } from '../lib/guide.ts'

export default defineComponent({
  name: 'SiteSection',
  props: {
    node: { type: Object as PropType<Section>, required: true },
  },
  setup(props) {
    return () => {
      const slide = sectionSlides.get(toRaw(props.node))
      return h('section', { id: props.node.id, class: 'aie-section' }, [
        ...props.node.children.map((child) => h(GuideRenderer, { node: child })),
        slide === undefined
          ? null
          : h('p', { class: 'present' }, [
              h('a', { href: slide }, [
                'Present this',
                h('span', { class: 'visually-hidden' }, ' section in the talk'),
              ]),
            ]),
      ])
    }
  },
})
