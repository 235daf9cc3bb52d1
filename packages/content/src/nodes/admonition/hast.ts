import type { Element, ElementContent } from 'hast'
import type { State } from 'mdast-util-to-hast'
import type { Admonition } from '../../types.js'

/** What a reader sees as the title: the one written, else the kind, capitalised. */
export function displayTitle(node: Admonition): string {
  return node.title ?? node.kind.charAt(0).toUpperCase() + node.kind.slice(1)
}

/**
 * `<aside class="admonition note">` with a `<p class="admonition-title">`
 * (none for `""`), or, when collapsible, `<details class="admonition note">`
 * with a `<summary>` (the kind when the title is `""`: a summary is needed)
 * and `open` for `???+`.
 */
export function admonitionToHast(state: State, node: Admonition): Element {
  const className = ['admonition', node.kind]
  const body = state.wrap(state.all(node), true)
  const title = displayTitle(node)
  let result: Element
  if (node.collapsible) {
    const summary: Element = {
      type: 'element',
      tagName: 'summary',
      properties: {},
      children: [{ type: 'text', value: title || displayTitle({ ...node, title: null }) }],
    }
    result = {
      type: 'element',
      tagName: 'details',
      properties: node.open ? { className, open: true } : { className },
      children: [{ type: 'text', value: '\n' }, summary, ...body],
    }
  } else {
    const heading: ElementContent[] =
      title === ''
        ? []
        : [
            { type: 'text', value: '\n' },
            {
              type: 'element',
              tagName: 'p',
              properties: { className: ['admonition-title'] },
              children: [{ type: 'text', value: title }],
            },
          ]
    result = {
      type: 'element',
      tagName: 'aside',
      properties: { className },
      children: [...heading, ...body],
    }
  }
  state.patch(node, result)
  return result
}
