import type { Element, Properties } from 'hast'
import type { Heading } from 'mdast'
import { defaultHandlers, type State } from 'mdast-util-to-hast'
import type { Section } from '../../types.js'

/** `<section id>`; a heading of the same slug that leads it gives up its id to it. */
export function sectionToHast(state: State, node: Section): Element {
  const first = node.children[0]
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
}

/** Headings carry the slug the section plugin gave them as their id. */
export function headingToHast(state: State, node: Heading): Element {
  return heading(state, node, true)
}

function heading(state: State, node: Heading, withId: boolean): Element {
  const result = defaultHandlers.heading(state, node)
  const properties: Properties = { ...result.properties }
  if (withId && node.data?.id) properties.id = node.data.id
  return { ...result, properties }
}
