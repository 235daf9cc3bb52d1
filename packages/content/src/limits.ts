/**
 * Limits that keep a hostile or broken guide from crashing or hanging the
 * parser. micromark takes more than linear time on deeply nested block quotes
 * and lists, and on paragraphs packed with emphasis and link delimiters, and
 * the tree utilities after it recurse once per level: 10,000 nested `>` is a
 * stack overflow, 10,000 nested `- ` minutes of parsing. So the text is
 * scanned (in linear time) before parsing, and the tree checked (without
 * recursion) right after it, before any plugin walks it.
 */
import type { Nodes, Root } from 'mdast'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { fail } from './messages.js'

/** The limits {@link checkText} and {@link checkTree} enforce. */
export interface Limits {
  /** Deepest nesting of block quotes, list items, emphasis and links. */
  maxNesting: number
  /** Most emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) in one paragraph. */
  maxDelimiters: number
}

/** The default of `maxNesting`: as deep as markdown-it goes by default. */
export const defaultMaxNesting = 100
/** The default of `maxDelimiters`: far more than prose uses, little enough to parse fast. */
export const defaultMaxDelimiters = 2000

/** Nodes that nest: each one is a level for `maxNesting`. */
const nesting = new Set<string>([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
])

const lineEnding = /\r\n|\r|\n/g
const matterFence = /^---[ \t]*$/
const fenceOpen = /^(`{3,}|~{3,})(.*)$/
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const thematicBreak = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const orderedMarker = /^\d{1,9}[.)]/
/** Block quote markers, each indented less than 4: with more, the `>` is text or code. */
const quotePrefix = /^(?: {0,3}>[ \t]?)*/
const atxHeading = /^#{1,6}(?:[ \t]|$)/
const interruptingItem = /^(?:[-+*]|1[.)])[ \t]+\S/
const definitionLabel = /^\[[^[\]\\]{1,999}\]:/
/** How HTML blocks start and end (CommonMark's kinds 1–5; any other tag runs to a blank line). */
const htmlBlocks: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
]
const htmlTag = /^<\/?[A-Za-z]/

/**
 * Scan the text before parsing. Block nesting is estimated from each line's
 * leading `>` and list markers, and from list items left open by indentation
 * (an upper bound up to the quirks of lazy lines; {@link checkTree} gives the
 * exact count after parsing). Delimiters are counted per paragraph (see
 * {@link blockStart}). YAML frontmatter and top-level fenced code are
 * skipped. Records an error at the first place that goes over a limit and
 * returns `false`.
 */
export function checkText(value: string, file: VFile, limits: Limits): boolean {
  /** Content columns of list items opened on earlier lines. */
  const open: number[] = []
  let fence: { char: string; length: number } | undefined
  /** The end of the HTML block we may be in: a "```" there is HTML, not a fence. */
  let html: RegExp | 'blank' | undefined
  let delimiters = 0
  let line = 1
  let start = 0
  lineEnding.lastIndex = 0
  // YAML frontmatter is not markdown: skip it (the YAML parser has limits of its own).
  const matter = frontmatterEnd(value)
  if (matter) {
    line = matter.line
    start = matter.offset
    lineEnding.lastIndex = start
  }

  while (start <= value.length) {
    const match = lineEnding.exec(value)
    const end = match ? match.index : value.length
    const text = value.slice(start, end)

    if (fence) {
      const close = fenceClose.exec(text)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length)
        fence = undefined
    } else {
      // List markers in a thematic break (`- - -`) open no list.
      const breakLike = thematicBreak.test(text.replace(/^[ \t>]*/, ''))
      const problem = scanLine(text, breakLike, open, limits)
      if (problem) {
        const { column, reason } = problem
        fail(file, reason, { line, column }, 'nesting-limit')
        return false
      }
      const blank = text.slice(quotePrefix.exec(text)![0].length).trim() === ''
      html = htmlState(text, html, blank)
      const opened = html === undefined ? fenceOpen.exec(text) : null
      if (opened && !(opened[1]![0] === '`' && opened[2]!.includes('`'))) {
        fence = { char: opened[1]![0]!, length: opened[1]!.length }
      } else if (blank) {
        delimiters = 0
      } else {
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
            fail(
              file,
              `Paragraph holds more than ${limits.maxDelimiters} emphasis and link delimiters (\`*\`, \`_\`, \`~\`, \`[\`, \`]\`): split it with blank lines, escape them (\`\\*\`), put code in a code block, or raise \`maxDelimiters\``,
              { line, column: index + 1 },
              'delimiter-limit',
            )
            return false
          }
        }
        // A heading's text is its own paragraph; a thematic break ends one.
        if (block.kind === 'heading' || block.kind === 'break') delimiters = 0
      }
    }

    if (!match) break
    start = match.index + match[0].length
    line++
  }
  return true
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
 * Whether the HTML block we may be in goes on after `text`: its end, or
 * `undefined`. Errs on the side of HTML (a `<tag>` starting a line inside a
 * paragraph is taken to start a block too): that only means a "```" is not
 * taken for a fence, and the lines after it are counted, not skipped.
 */
function htmlState(
  text: string,
  html: RegExp | 'blank' | undefined,
  blank: boolean,
): RegExp | 'blank' | undefined {
  if (html === 'blank') return blank ? undefined : html
  if (html) return html.test(text) ? undefined : html
  const content = text.slice(quotePrefix.exec(text)![0].length).replace(/^[ \t]*/, '')
  for (const [start, end] of htmlBlocks) {
    if (start.test(content)) return end.test(content) ? undefined : end
  }
  return htmlTag.test(content) ? 'blank' : undefined
}

/** Where YAML frontmatter (`---` lines around it, at the very start) ends: the next line. */
function frontmatterEnd(value: string): { line: number; offset: number } | undefined {
  const ending = /\r\n|\r|\n/g
  let start = 0
  let line = 1
  for (;;) {
    const match = ending.exec(value)
    const text = value.slice(start, match ? match.index : value.length)
    if (!matterFence.test(text)) {
      if (line === 1) return undefined
    } else if (line > 1) {
      return { line: line + 1, offset: match ? match.index + match[0].length : value.length }
    }
    if (!match) return undefined
    start = match.index + match[0].length
    line++
  }
}

/**
 * The block nesting of one line: its `>` and list markers, plus the list
 * items still open by indentation. Updates `open`.
 */
function scanLine(
  text: string,
  breakLike: boolean,
  open: number[],
  limits: Limits,
): { column: number; reason: string } | undefined {
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
    if (char === '>') width = 1
    else if (!breakLike && (char === '-' || char === '+' || char === '*')) width = 1
    else if (!breakLike && char !== undefined && char >= '0' && char <= '9')
      width = orderedMarker.exec(text.slice(index, index + 10))?.[0].length ?? 0
    if (width === 0) break
    const after = text[index + width]
    if (char !== '>' && after !== undefined && after !== ' ' && after !== '\t') break

    first ??= column
    if (char === '>') quotes++
    else items.push(column + width + 1)
    const depth = inherited(open, first) + quotes + items.length
    if (depth > limits.maxNesting) {
      return {
        column: index + 1,
        reason: `Block quotes and lists nest more than ${limits.maxNesting} levels deep here: flatten them, or raise \`maxNesting\``,
      }
    }
    index += width
    column += width
  }

  if (items.length > 0 && first !== undefined) {
    open.length = inherited(open, first)
    open.push(...items)
  }
  return undefined
}

/** How many of the `open` list items a line starting at `column` can be inside. */
function inherited(open: number[], column: number): number {
  let count = open.length
  while (count > 0 && open[count - 1]! > column) count--
  return count
}

/**
 * Check the tree straight after parsing, before any plugin walks it: no node
 * nests deeper than `maxNesting` levels of block quotes, list items,
 * emphasis and links. Iterative, so a deep tree cannot overflow the stack
 * here. Records an error at the first node that goes too deep and returns
 * `false`.
 */
export function checkTree(tree: Root, file: VFile, limits: Limits): boolean {
  const stack: [Nodes, number][] = [[tree, 0]]
  while (stack.length > 0) {
    const [node, level] = stack.pop()!
    const depth = nesting.has(node.type) ? level + 1 : level
    if (depth > limits.maxNesting) {
      fail(
        file,
        `Markup nests more than ${limits.maxNesting} levels deep here (block quotes, lists, emphasis, links): flatten it, or raise \`maxNesting\``,
        node.position?.start as Point | undefined,
        'nesting-limit',
      )
      return false
    }
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push([node.children[index]!, depth])
      }
    }
  }
  return true
}
