import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Html } from 'mdast'
import type { Point, Position } from 'unist'

/**
 * Parse the value of an mdast `html` node as an HTML fragment, with
 * positions in the markdown file (not in the fragment).
 */
export function parseFragment(node: Html): HastRoot {
  const tree = fromHtml(node.value, { fragment: true })
  const start = node.position?.start
  if (start) shift(tree, start)
  return tree
}

function shift(node: HastRoot | HastContent, start: Point): void {
  if (node.position) node.position = shiftPosition(node.position, start)
  if ('children' in node) for (const child of node.children) shift(child, start)
}

function shiftPosition(position: Position, start: Point): Position {
  return { start: shiftPoint(position.start, start), end: shiftPoint(position.end, start) }
}

function shiftPoint(point: Point, start: Point): Point {
  const shifted: Point = {
    line: start.line + point.line - 1,
    column: point.line === 1 ? start.column + point.column - 1 : point.column,
  }
  if (point.offset !== undefined && start.offset !== undefined) {
    shifted.offset = start.offset + point.offset
  }
  return shifted
}

/** The element children of `node`, with whitespace-only text skipped. */
export function significant(children: ElementContent[]): ElementContent[] {
  return children.filter(
    (child) => child.type !== 'comment' && !(child.type === 'text' && child.value.trim() === ''),
  )
}

/** Whether `node` is an element named `tagName`. */
export function isElement(node: ElementContent | undefined, tagName: string): node is Element {
  return node?.type === 'element' && node.tagName === tagName
}

/** The attribute names of an element as the author wrote them (`onError` → `onerror`). */
export function attributeNames(element: Element): string[] {
  return Object.keys(element.properties).map((name) => name.toLowerCase())
}
