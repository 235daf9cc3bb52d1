import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { find, html } from 'property-information'
import type { Html } from 'mdast'
import type { Point } from 'unist'

/**
 * Parse the value of an mdast `html` node as an HTML fragment, with
 * positions in the markdown file (not in the fragment). Pass the file's text
 * so that columns are right inside block quotes and list items, whose
 * markers and indentation are not part of the node's value.
 */
export function parseFragment(node: Html, source?: string): HastRoot {
  const tree = fromHtml(node.value, { fragment: true })
  const start = node.position?.start
  if (start) shift(tree, start, lineStarts(node, source))
  return tree
}

/** Where each line of the node's value is in the file. */
interface LineStart {
  /** Characters of container prefix before the value's text on this line. */
  prefix: number
  /** Offset of the line's first character in the file. */
  offset: number
}

/** Where the lines of `node` start in `source`, when they can be matched to its value. */
function lineStarts(node: Html, source: string | undefined): LineStart[] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (source === undefined || start === undefined || end === undefined) return undefined
  const raw = source.slice(start, end)
  const value = node.value.split(/\r\n|\r|\n/)
  const ending = /\r\n|\r|\n/g
  const starts: LineStart[] = [{ prefix: 0, offset: start }]
  let match: RegExpExecArray | null
  while ((match = ending.exec(raw)) !== null) {
    const from = match.index + match[0].length
    const next = /\r\n|\r|\n/.exec(raw.slice(from))
    const line = raw.slice(from, next ? from + next.index : raw.length)
    const text = value[starts.length]
    // A later line is the container's prefix (`> `, indentation) and then the value's text.
    if (text === undefined || !line.endsWith(text)) return undefined
    starts.push({ prefix: line.length - text.length, offset: start + from })
  }
  return starts.length === value.length ? starts : undefined
}

/** Move every position in `tree` into the file (a stack, not recursion: figures can nest deep). */
function shift(tree: HastRoot, start: Point, lines: LineStart[] | undefined): void {
  const stack: (HastRoot | HastContent)[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      node.position = {
        start: shiftPoint(node.position.start, start, lines),
        end: shiftPoint(node.position.end, start, lines),
      }
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

function shiftPoint(point: Point, start: Point, lines: LineStart[] | undefined): Point {
  const line = start.line + point.line - 1
  const at = lines?.[point.line - 1]
  if (at) {
    const column = point.line === 1 ? start.column + point.column - 1 : at.prefix + point.column
    return {
      line,
      column,
      offset: at.offset + (point.line === 1 ? 0 : at.prefix) + point.column - 1,
    }
  }
  const shifted: Point = {
    line,
    column: point.line === 1 ? start.column + point.column - 1 : point.column,
  }
  if (point.offset !== undefined && start.offset !== undefined) {
    shifted.offset = start.offset + point.offset
  }
  return shifted
}

/** How deep elements nest in `tree` (a stack, not recursion). */
export function depth(tree: HastRoot): number {
  let deepest = 0
  const stack: [HastRoot | HastContent, number][] = [[tree, 0]]
  while (stack.length > 0) {
    const [node, level] = stack.pop()!
    deepest = Math.max(deepest, level)
    if ('children' in node) for (const child of node.children) stack.push([child, level + 1])
  }
  return deepest
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

/** The attribute names of an element as the author wrote them (`className` → `class`). */
export function attributeNames(element: Element): string[] {
  return Object.keys(element.properties).map((name) => find(html, name).attribute.toLowerCase())
}
