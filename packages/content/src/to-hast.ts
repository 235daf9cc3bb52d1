import type { Element, ElementContent, Properties } from 'hast'
import type { Heading } from 'mdast'
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast'
import type { Emoji, Figure, Section } from './types.js'

/** mdast-util-to-hast handlers for our nodes, also used by remark-rehype. */
export const guideHastHandlers: Partial<Handlers> = {
  section(state: State, node: Section): Element {
    const first = node.children[0]
    // A section led by a heading of the same slug: the id goes on the section.
    const children =
      first?.type === 'heading' && first.data?.id === node.id
        ? [
            heading(state, first, false),
            ...state.all({ type: 'root', children: node.children.slice(1) }),
          ]
        : state.all(node)
    const result: Element = {
      type: 'element',
      tagName: 'section',
      properties: { id: node.id },
      children: state.wrap(children, true),
    }
    state.patch(node, result)
    return result
  },
  figure(state: State, node: Figure): Element {
    const image: Element = {
      type: 'element',
      tagName: 'img',
      properties: { src: node.src, alt: node.alt, loading: 'lazy', decoding: 'async' },
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
  },
  emoji(state: State, node: Emoji): Element {
    const result: Element = {
      type: 'element',
      tagName: 'span',
      properties: { role: 'img', ariaLabel: node.name },
      children: [{ type: 'text', value: node.value }],
    }
    state.patch(node, result)
    return result
  },
  heading(state: State, node: Heading): Element {
    return heading(state, node, true)
  },
}

function heading(state: State, node: Heading, withId: boolean): Element {
  const result = defaultHandlers.heading(state, node)
  const properties: Properties = { ...result.properties }
  if (withId && node.data?.id) properties.id = node.data.id
  return { ...result, properties }
}
