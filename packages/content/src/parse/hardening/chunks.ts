/**
 * Parse a long guide as independent chunks, cut where markdown's block
 * structure starts afresh: before a thematic break (`***`, `---`, `___`,
 * `<hr>`) or an ATX heading at the start of a line, after a blank line,
 * outside code fences, frontmatter and multi-line HTML blocks.
 *
 * micromark + mdast-util-from-markdown take more than linear time on one
 * very long document; on chunks they take linear time, and give the same
 * tree: positions are shifted back into the whole file.
 */
import type { Root, RootContent } from 'mdast'
import type { Point, Position } from 'unist'
import { location } from 'vfile-location'
import { readLines } from './lines.js'

/** Chunks are cut no smaller than this (UTF-16 code units), so small guides are one chunk. */
export const minChunkLength = 64 * 1024

/** Reference and footnote definitions apply to the whole document: no chunking then. */
const definition = /^ {0,3}\[[^\]\n]+\]:/m

/**
 * Where to cut `value`: the offsets at which chunks start (the first is 0).
 * One chunk when the guide is short or holds definitions.
 */
export function chunkStarts(value: string, min = minChunkLength): number[] {
  const starts = [0]
  if (value.length < 2 * min || definition.test(value)) return starts
  let previousBlank = true
  readLines(value, { fenceIndent: 3 }, ({ text, offset, fresh }) => {
    if (
      previousBlank &&
      fresh &&
      offset - starts.at(-1)! >= min &&
      value.length - offset >= min / 2
    ) {
      starts.push(offset)
    }
    previousBlank = text.trim() === ''
  })
  return starts
}

/**
 * Parse `value` with `parse` chunk by chunk and join the trees, with every
 * position as if the whole document had been parsed at once.
 */
export function parseInChunks(
  value: string,
  parse: (chunk: string) => Root,
  min = minChunkLength,
): Root {
  const starts = chunkStarts(value, min)
  if (starts.length === 1) return parse(value)

  const place = location(value)
  const children: RootContent[] = []
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!
    const tree = parse(value.slice(start, starts[index + 1] ?? value.length))
    if (index > 0) shift(tree.children, place.toPoint(start)!.line - 1, start)
    for (const child of tree.children) children.push(child)
  }
  const root: Root = { type: 'root', children }
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: place.toPoint(value.length)! }
  return root
}

/** Move every position in `nodes` down by `lines` lines and `offset` code units (no recursion). */
function shift(nodes: RootContent[], lines: number, offset: number): void {
  const stack: { position?: Position | undefined; children?: unknown }[] = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      node.position = {
        start: shiftPoint(node.position.start, lines, offset),
        end: shiftPoint(node.position.end, lines, offset),
      }
    }
    if (Array.isArray(node.children))
      for (const child of node.children) stack.push(child as (typeof stack)[number])
  }
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  const shifted: Point = { line: point.line + lines, column: point.column }
  if (point.offset !== undefined) shifted.offset = point.offset + offset
  return shifted
}
