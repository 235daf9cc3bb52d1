import type { Nodes } from 'mdast'

/** The plain text of a node: its value, or its children's text; an image gives its alt. */
export function textOf(node: Nodes | undefined): string {
  if (!node) return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}

/** A value usable in an `id` and a `#fragment`: no whitespace. */
export function idSlug(value: string): string {
  return value.trim().replace(/\s+/g, '-')
}
