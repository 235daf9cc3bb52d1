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

/** Chunks are cut no smaller than this (UTF-16 code units), so small guides are one chunk. */
export const minChunkLength = 64 * 1024

const breakLine =
  /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|<hr\s*\/?>[ \t]*|#{1,6}(?:[ \t].*)?)$/i
const fenceOpen = /^ {0,3}(`{3,}|~{3,})(.*)$/
const htmlOpen: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]
/** Reference and footnote definitions apply to the whole document: no chunking then. */
const definition = /^ {0,3}\[[^\]\n]+\]:/m

/**
 * Where to cut `value`: the offsets at which chunks start (the first is 0).
 * One chunk when the guide is short or holds definitions.
 */
export function chunkStarts(value: string, min = minChunkLength): number[] {
  const starts = [0]
  if (value.length < 2 * min || definition.test(value)) return starts

  let offset = 0
  let previousBlank = true
  let fence: { char: string; length: number } | undefined
  let htmlEnd: RegExp | undefined
  let inFrontmatter = value.startsWith('---\n') || value.startsWith('---\r\n')
  let first = true

  while (offset < value.length) {
    const newline = value.indexOf('\n', offset)
    const end = newline === -1 ? value.length : newline + 1
    const line = value.slice(offset, end).replace(/\r?\n$|\r$/, '')

    if (inFrontmatter) {
      if (!first && /^(?:---|\.\.\.)\s*$/.test(line)) inFrontmatter = false
    } else if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length)
        fence = undefined
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined
    } else {
      if (
        previousBlank &&
        breakLine.test(line) &&
        offset - starts.at(-1)! >= min &&
        value.length - offset >= min / 2
      ) {
        starts.push(offset)
      }
      const open = fenceOpen.exec(line)
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length }
      } else {
        for (const [start, close] of htmlOpen) {
          if (start.test(line)) {
            // The block ends on the line that holds the end marker, maybe this one.
            if (!close.test(line.replace(start, ''))) htmlEnd = close
            break
          }
        }
      }
    }
    previousBlank = line.trim() === ''
    first = false
    offset = end
  }
  return starts
}

/**
 * Parse `value` with `parse` chunk by chunk and join the trees, with every
 * position as if the whole document had been parsed at once.
 */
export function parseInChunks(value: string, parse: (chunk: string) => Root): Root {
  const starts = chunkStarts(value)
  if (starts.length === 1) return parse(value)

  const children: RootContent[] = []
  let line = 0
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!
    const end = starts[index + 1] ?? value.length
    const chunk = value.slice(start, end)
    const tree = parse(chunk)
    if (index > 0) shift(tree.children, line, start)
    for (const child of tree.children) children.push(child)
    line += countLines(chunk)
  }
  const root: Root = { type: 'root', children }
  root.position = {
    start: { line: 1, column: 1, offset: 0 },
    end: endPoint(value),
  }
  return root
}

function countLines(chunk: string): number {
  let count = 0
  for (let index = 0; index < chunk.length; index++) {
    const code = chunk.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13 && chunk.charCodeAt(index + 1) !== 10) count++
  }
  return count
}

function endPoint(value: string): Point {
  const lines = value.split(/\r\n|\r|\n/)
  return { line: lines.length, column: lines.at(-1)!.length + 1, offset: value.length }
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
