import type { Element, ElementContent } from 'hast'
import type { State } from 'mdast-util-to-hast'
import type { Figure } from '../../types.js'

/** `<figure id><img loading=lazy><figcaption>caption <a>source</a></figcaption></figure>`. */
export function figureToHast(state: State, node: Figure): Element {
  const image: Element = {
    type: 'element',
    tagName: 'img',
    properties: {
      src: node.src,
      alt: node.alt,
      ...(node.width === undefined ? {} : { width: node.width }),
      ...(node.height === undefined ? {} : { height: node.height }),
      loading: 'lazy',
      decoding: 'async',
    },
    children: [],
  }
  const caption: ElementContent[] = state.all(node)
  if (node.source) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' })
    caption.push({
      type: 'element',
      tagName: 'a',
      properties: { href: node.source.url },
      children: [{ type: 'text', value: node.source.label }],
    })
  }
  const children: ElementContent[] = [image]
  if (caption.length > 0) {
    children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: caption })
  }
  const result: Element = {
    type: 'element',
    tagName: 'figure',
    properties: { id: node.id },
    children,
  }
  state.patch(node, result)
  return result
}
