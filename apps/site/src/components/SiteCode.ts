/**
 * A code block as the site shows it: the HTML Shiki made when the site was built (plain
 * `<pre><code>` for a block it did not see), and a copy button, shown only when scripts
 * run (the `js` class), as it needs them.
 */
import type { Code } from 'mdast'
import { defineComponent, h, toRaw, type PropType } from 'vue'
import { highlighted } from '../lib/highlight.ts'

export default defineComponent({
  name: 'SiteCode',
  props: {
    node: { type: Object as PropType<Code>, required: true },
  },
  setup(props) {
    return () => {
      const html = highlighted.get(toRaw(props.node))
      return h('div', { class: 'code-block' }, [
        h('button', { type: 'button', class: 'copy' }, 'Copy'),
        html === undefined
          ? h('pre', [h('code', props.node.value)])
          : h('div', { class: 'code', innerHTML: html }),
      ])
    }
  },
})
