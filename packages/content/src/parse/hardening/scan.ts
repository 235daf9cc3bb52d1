/**
 * The text scan before parsing (linear time): block nesting estimated from
 * each line's `>` and list markers and from containers left open by
 * indentation, and emphasis and link delimiters counted per paragraph.
 * Frontmatter and top-level fenced code are skipped.
 */
import { location } from 'vfile-location'
import { containerOpeners } from '../../nodes/index.js'
import { quotePrefix, readLines, thematicBreak } from './lines.js'

/** The limits the scan and the tree check enforce. */
export interface Limits {
  /** Deepest nesting of block quotes, list items, emphasis and links. */
  maxNesting: number
  /** Most emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) in one paragraph. */
  maxDelimiters: number
}

/** What went over a limit, and where (an offset in the text). */
export interface LimitProblem {
  offset: number
  reason: string
  ruleId: 'nesting-limit' | 'delimiter-limit'
}

const orderedMarker = /^\d{1,9}[.)]/
const atxHeading = /^#{1,6}(?:[ \t]|$)/
const interruptingItem = /^(?:[-+*]|1[.)])[ \t]+\S/
const definitionLabel = /^\[[^[\]\\]{1,999}\]:/

/**
 * Scan `value` before parsing. Block nesting is an upper bound up to the
 * quirks of lazy lines (the tree check gives the exact count after parsing).
 * Returns the first place that goes over a limit, with its point.
 */
export function scanText(
  value: string,
  limits: Limits,
): (LimitProblem & { line: number; column: number }) | undefined {
  /** Content columns of list items and containers opened on earlier lines. */
  const open: number[] = []
  let delimiters = 0
  let problem: LimitProblem | undefined

  readLines(value, { fenceIndent: 0 }, ({ text, offset, kind, blank }) => {
    if (kind !== 'markdown') return true
    // List markers in a thematic break (`- - -`) open no list.
    const breakLike = thematicBreak.test(text.replace(/^[ \t>]*/, ''))
    const nested = scanLine(text, breakLike, open, limits)
    if (nested) {
      problem = { offset: offset + nested.index, reason: nested.reason, ruleId: 'nesting-limit' }
      return false
    }
    if (blank) {
      delimiters = 0
      return true
    }
    const block = blockStart(text)
    if (block.interrupts) delimiters = 0
    // A thematic break's `*` and `_` are no delimiters.
    const last = block.kind === 'break' ? 0 : text.length
    for (let index = 0; index < last; index++) {
      const code = text.charCodeAt(index)
      // `*`, `[`, `]`, `_`, `~`
      if (code !== 42 && code !== 91 && code !== 93 && code !== 95 && code !== 126) continue
      if (block.skip.includes(index)) continue
      delimiters++
      if (delimiters > limits.maxDelimiters) {
        problem = {
          offset: offset + index,
          reason: `Paragraph holds more than ${limits.maxDelimiters} emphasis and link delimiters (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`): split it with blank lines, escape them (\`\\*\`), put code in a code block, or raise \`maxDelimiters\``,
          ruleId: 'delimiter-limit',
        }
        return false
      }
    }
    // A heading's text is its own paragraph; a thematic break ends one.
    if (block.kind === 'heading' || block.kind === 'break') delimiters = 0
    return true
  })

  if (!problem) return undefined
  const point = location(value).toPoint(problem.offset)!
  return { ...problem, line: point.line, column: point.column }
}

/**
 * How `text` bears on paragraphs. `kind`: an ATX heading, a thematic break,
 * or a list item that can interrupt a paragraph (a bullet or `1.`, with
 * text), indented less than 4 after any `>`; each starts inline content of
 * its own even right after a paragraph line (`interrupts`). Deeper list items
 * and table rows are not told apart: counting them with the paragraph before
 * only errs on the safe side. `skip`: offsets of `*`, `[` and `]` that are
 * no delimiters.
 */
function blockStart(text: string): {
  kind: 'heading' | 'break' | 'item' | undefined
  interrupts: boolean
  skip: number[]
} {
  const prefix = quotePrefix.exec(text)![0]
  const indent = /^[ \t]*/.exec(text.slice(prefix.length))![0]
  if (indent.includes('\t') || indent.length > 3) {
    return { kind: undefined, interrupts: false, skip: [] }
  }
  const content = text.slice(prefix.length + indent.length)
  const kind = atxHeading.test(content)
    ? 'heading'
    : thematicBreak.test(content)
      ? 'break'
      : interruptingItem.test(content)
        ? 'item'
        : undefined
  const label = definitionLabel.exec(content)
  const at = prefix.length + indent.length
  // A bullet `*` and the brackets around a definition's label are no delimiters.
  const skip = kind === 'item' ? [at] : label ? [at, at + label[0].length - 2] : []
  return { kind, interrupts: kind !== undefined, skip }
}

/**
 * The block nesting of one line: its `>` and list markers and the openers
 * of our container nodes, plus the containers still open by indentation.
 * Updates `open`.
 */
function scanLine(
  text: string,
  breakLike: boolean,
  open: number[],
  limits: Limits,
): { index: number; reason: string } | undefined {
  let index = 0
  let column = 0
  let quotes = 0
  let first: number | undefined
  const items: number[] = []

  for (;;) {
    while (index < text.length && (text[index] === ' ' || text[index] === '\t')) {
      column = text[index] === '\t' ? column + 4 - (column % 4) : column + 1
      index++
    }
    const char = text[index]
    let width = 0
    /** Where the content of a container opened here starts. */
    let content: number | undefined
    const rest = text.slice(index, index + 10)
    const opener = containerOpeners.find((pattern) => pattern.test(rest))
    if (opener) {
      width = rest.length
      content = column + 4
    } else if (char === '>') width = 1
    else if (!breakLike && (char === '-' || char === '+' || char === '*')) width = 1
    else if (!breakLike && char !== undefined && char >= '0' && char <= '9')
      width = orderedMarker.exec(rest)?.[0].length ?? 0
    if (width === 0) break
    const after = text[index + width]
    if (!opener && char !== '>' && after !== undefined && after !== ' ' && after !== '\t') break

    first ??= column
    if (char === '>' && !opener) quotes++
    else items.push(content ?? column + width + 1)
    const depth = inherited(open, first) + quotes + items.length
    if (depth > limits.maxNesting) {
      return {
        index,
        reason: `Block quotes and lists nest more than ${limits.maxNesting} levels deep here: flatten them, or raise \`maxNesting\``,
      }
    }
    // The rest of an opener's line is its title, not markup.
    if (opener) break
    index += width
    column += width
  }

  if (items.length > 0 && first !== undefined) {
    open.length = inherited(open, first)
    open.push(...items)
  }
  return undefined
}

/** How many of the `open` containers a line starting at `column` can be inside. */
function inherited(open: number[], column: number): number {
  let count = open.length
  while (count > 0 && open[count - 1]! > column) count--
  return count
}
