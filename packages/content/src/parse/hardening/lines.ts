/**
 * One reader of markdown's lines, shared by the text scan (limits) and the
 * chunker: it walks a document line by line and says which lines are
 * markdown and which are YAML frontmatter, fenced code or inside a
 * multi-line HTML block, where fenced code would not start.
 */

/** Line endings, as markdown has them. */
export const lineEnding = /\r\n|\r|\n/g
/** Block quote markers, each indented less than 4: with more, the `>` is text or code. */
export const quotePrefix = /^(?: {0,3}>[ \t]?)*/
/** A thematic break, once any quote markers and indentation are gone. */
export const thematicBreak = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/
/** A line at column 0 that starts a block of its own: a thematic break, `<hr>` or an ATX heading. */
const freshBlock =
  /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|<hr\s*\/?>[ \t]*|#{1,6}(?:[ \t].*)?)$/i

const matterFence = /^---[ \t]*$/
const fenceOpen = /^( {0,3})(`{3,}|~{3,})(.*)$/
const fenceClose = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
/** How HTML blocks start and end (CommonMark's kinds 1–5; any other tag runs to a blank line). */
const htmlBlocks: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
]
const htmlTag = /^<\/?[A-Za-z]/

/** What a line is to the block structure around it. */
export type LineKind = 'frontmatter' | 'code' | 'markdown'

/** One line of a document, as {@link readLines} gives it. */
export interface Line {
  /** The line's text, without its ending. */
  text: string
  /** Offset of its first character in the document. */
  offset: number
  /** YAML frontmatter and fenced code (fences included) are not markdown. */
  kind: LineKind
  /** Inside (or starting) a multi-line HTML block: a "```" here opens no fence. */
  html: boolean
  /** Nothing but quote markers and whitespace. */
  blank: boolean
  /** A thematic break, `<hr>` or ATX heading at column 0: block structure starts afresh. */
  fresh: boolean
}

/** Options of {@link readLines}. */
export interface ReadOptions {
  /**
   * The deepest indentation at which a fence opens. 3 is CommonMark's rule at
   * the top level; 0 only takes fences that no list item can hold.
   */
  fenceIndent: number
}

/**
 * Call `visit` with every line of `value`, in order, in linear time. Stops
 * when `visit` returns `false`.
 */
export function readLines(
  value: string,
  options: ReadOptions,
  visit: (line: Line) => boolean | void,
): void {
  let fence: { char: string; length: number } | undefined
  /** The end of the HTML block we are in, if any. */
  let html: RegExp | 'blank' | undefined
  const matterEnd = frontmatterEnd(value)
  let start = 0
  const ending = new RegExp(lineEnding)

  while (start <= value.length) {
    const match = ending.exec(value)
    const end = match ? match.index : value.length
    const text = value.slice(start, end)
    const blank = text.slice(quotePrefix.exec(text)![0].length).trim() === ''
    let kind: LineKind = 'markdown'
    let inHtml = false
    /** In an HTML block that this line did not start. */
    let within = false

    if (start < matterEnd) {
      kind = 'frontmatter'
    } else if (fence) {
      kind = 'code'
      const close = fenceClose.exec(text)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        fence = undefined
      }
    } else {
      within = html !== undefined
      html = htmlState(text, html, blank)
      inHtml = html !== undefined
      const opened = inHtml ? null : fenceOpen.exec(text)
      if (
        opened &&
        opened[1]!.length <= options.fenceIndent &&
        !(opened[2]![0] === '`' && opened[3]!.includes('`'))
      ) {
        fence = { char: opened[2]![0]!, length: opened[2]!.length }
        kind = 'code'
      }
    }
    const fresh = kind === 'markdown' && !within && freshBlock.test(text)
    if (visit({ text, offset: start, kind, html: inHtml, blank, fresh }) === false) return
    if (!match) return
    start = match.index + match[0].length
  }
}

/** Where YAML frontmatter (`---` lines around it, at the very start) ends: 0 when there is none. */
function frontmatterEnd(value: string): number {
  const ending = new RegExp(lineEnding)
  let start = 0
  for (let line = 1; ; line++) {
    const match = ending.exec(value)
    const text = value.slice(start, match ? match.index : value.length)
    if (matterFence.test(text) ? line > 1 : line === 1) {
      return line === 1 ? 0 : match ? match.index + match[0].length : value.length
    }
    if (!match) return 0
    start = match.index + match[0].length
  }
}

/**
 * Whether the HTML block we may be in goes on after `text`: its end, or
 * `undefined`. Errs on the side of HTML (a `<tag>` starting a line inside a
 * paragraph is taken to start a block too): that only means a "```" is not
 * taken for a fence, and the chunker does not cut there.
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
    const opened = start.exec(content)
    // The block ends on the line that holds the end marker, maybe this one.
    if (opened) return end.test(content.slice(opened[0].length)) ? undefined : end
  }
  return htmlTag.test(content) ? 'blank' : undefined
}
