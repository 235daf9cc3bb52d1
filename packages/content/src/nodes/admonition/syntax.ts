/**
 * The micromark extension that reads admonitions as a container block, the
 * way list items are read: a line that starts with `!!!`, `???` or `???+`
 * (at the container's first column, not interrupting a paragraph) opens it;
 * the rest of that line is its header; the lines after it belong to it while
 * they are blank or indented four columns, which are taken off.
 */
import { markdownLineEnding, markdownSpace } from 'micromark-util-character'
import type {
  Code,
  Construct,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types'

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    admonition: 'admonition'
    admonitionHeader: 'admonitionHeader'
    admonitionIndent: 'admonitionIndent'
  }
}

/** Columns of indentation a body line gives up to its admonition. */
export const bodyIndent = 4

const exclamationMark = 33
const questionMark = 63
const plusSign = 43

const admonition: Construct = {
  name: 'admonition',
  tokenize: tokenizeStart,
  continuation: { tokenize: tokenizeContinuation },
  exit: tokenizeExit,
}

/** The syntax extension: `!!!` and `???` open an admonition. */
export const admonitionSyntax: Extension = {
  document: { [exclamationMark]: admonition, [questionMark]: admonition },
}

function tokenizeStart(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const tail = this.events.at(-1)
  const interrupt = this.interrupt
  let marker: Code = null
  let size = 0

  return start

  function start(code: Code): State | undefined {
    // Not indented (its body's indentation counts from here), not inside a paragraph.
    if ((tail && tail[1].type === 'linePrefix') || interrupt) return nok(code)
    marker = code
    effects.enter('admonition', { _container: true })
    effects.enter('admonitionHeader')
    return inMarker(code)
  }

  function inMarker(code: Code): State | undefined {
    if (code === marker && size < 3) {
      size++
      effects.consume(code)
      return inMarker
    }
    if (size < 3) return nok(code)
    if (marker === questionMark && code === plusSign) {
      effects.consume(code)
      return afterMarker
    }
    return afterMarker(code)
  }

  function afterMarker(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return end(code)
    return markdownSpace(code) ? rest(code) : nok(code)
  }

  /** The header's rest (qualifier, title) is read by the mdast extension. */
  function rest(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return end(code)
    effects.consume(code)
    return rest
  }

  function end(code: Code): State | undefined {
    effects.exit('admonitionHeader')
    return ok(code)
  }
}

function tokenizeContinuation(effects: Effects, ok: State, nok: State): State {
  let size = 0

  return indent

  /** Take up to four columns (a tab is as many columns as it spans). */
  function indent(code: Code): State | undefined {
    if (markdownSpace(code) && size < bodyIndent) {
      if (size === 0) effects.enter('admonitionIndent')
      size++
      effects.consume(code)
      return indent
    }
    if (size > 0) effects.exit('admonitionIndent')
    // A blank line goes on; a line indented less ends the admonition (or is a lazy line).
    const blank = code === null || markdownLineEnding(code)
    return blank || size === bodyIndent ? ok(code) : nok(code)
  }
}

function tokenizeExit(this: TokenizeContext, effects: Effects): undefined {
  effects.exit('admonition')
}
