/**
 * `remarkGuideParse`: remark-parse's parser (mdast-util-from-markdown with the
 * processor's extensions), hardened. It is the processor's parser
 * (it sets `this.parser`, as remark-parse does), so `guideProcessor()` runs
 * exactly what `parseGuide` runs: the input decoded as strict UTF-8 and
 * checked against the size limit, the text scanned for nesting and
 * delimiters, long guides parsed in chunks, and the tree's nesting checked
 * before any plugin walks it. A guide over a limit is a fatal message on the
 * file, thrown, so `process()` rejects with it.
 */
import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
// remark-parse's types: the processor's data holds the parser's extensions.
import type {} from 'remark-parse'
import type { Plugin, Processor } from 'unified'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { decodeUtf8 } from '../decode.js'
import { parseSparingLiterals } from '../remark-guide-gfm.js'
import { report } from '../../report/index.js'
import { minChunkLength, parseInChunks } from './chunks.js'
import { defaultMaxBytes, defaultMaxDelimiters, defaultMaxNesting } from './limits.js'
import { scanText } from './scan.js'
import { tooDeep } from './tree.js'

/** Options of {@link remarkGuideParse}: the limits. */
export interface LimitOptions {
  /** The largest guide accepted, in bytes of UTF-8 (default 16 MiB). */
  maxBytes?: number | undefined
  /** The deepest nesting of block quotes, list items, emphasis and links (default 100). */
  maxNesting?: number | undefined
  /** The most `*`, `_`, `~`, `[`, `]` in one paragraph (default 2000). */
  maxDelimiters?: number | undefined
  /** Guides at least twice this long (UTF-16 code units) are parsed in chunks (default 64 Ki). */
  chunkLength?: number | undefined
}

export { defaultMaxBytes, defaultMaxDelimiters, defaultMaxNesting }

/** Set the processor's parser: remark-parse behind the limits, chunk by chunk. */
const remarkGuideParse: Plugin<[(Readonly<LimitOptions> | null | undefined)?], string, Root> =
  function (options) {
    const maxBytes = options?.maxBytes ?? defaultMaxBytes
    const limits = {
      maxNesting: options?.maxNesting ?? defaultMaxNesting,
      maxDelimiters: options?.maxDelimiters ?? defaultMaxDelimiters,
    }
    const chunkLength = options?.chunkLength ?? minChunkLength
    const self = this as unknown as Processor<Root>
    // remark-parse's parser, with the syntax extensions chosen for each document.
    const parse = (document: string): Root => {
      const data = self.data()
      const extensions = {
        syntax: data.micromarkExtensions ?? [],
        trees: (data.fromMarkdownExtensions ?? []).flat(),
      }
      return parseSparingLiterals(document, extensions, data.guideLiteralAutolinks, (text, use) =>
        fromMarkdown(text, { extensions: [...use.syntax], mdastExtensions: [...use.trees] }),
      )
    }

    self.parser = function (document: string, file: VFile): Root {
      const value = readInput(document, file, maxBytes)
      const scanned = scanText(value, limits)
      if (scanned) throw report(file, scanned.reason, scanned, scanned.ruleId)
      const tree = parseInChunks(value, parse, chunkLength)
      const deep = tooDeep(tree, limits.maxNesting)
      if (deep) {
        throw report(
          file,
          `Markup nests more than ${limits.maxNesting} levels deep here (block quotes, lists, emphasis, links): flatten it, or raise \`maxNesting\``,
          deep.position?.start,
          'nesting-limit',
        )
      }
      return tree
    }
  }

export default remarkGuideParse

/**
 * The guide's text: the file's bytes decoded as strict UTF-8 (the file's
 * value becomes that text), or the text it was given. Throws a fatal message
 * when it is over `maxBytes`, not UTF-8 or holds a NUL.
 */
function readInput(document: string, file: VFile, maxBytes: number): string {
  const input = file.value instanceof Uint8Array ? file.value : document
  const bytes =
    typeof input !== 'string'
      ? input.length
      : input.length * 3 > maxBytes
        ? utf8Length(input)
        : input.length
  if (bytes > maxBytes) {
    throw report(
      file,
      `Guide is ${bytes} bytes, over the limit of ${maxBytes}: split it into pages, or raise \`maxBytes\``,
      { line: 1, column: 1 },
      'size-limit',
    )
  }
  const value = typeof input === 'string' ? input : decodeUtf8(input, file)
  file.value = value
  // eslint-disable-next-line no-control-regex
  const nul = /\u0000/.exec(value)
  if (nul) {
    throw report(
      file,
      'NUL character in the guide: is this a binary file, or saved in UTF-16? Save it as UTF-8 text',
      location(value).toPoint(nul.index),
      'encoding',
    )
  }
  return value
}

/** UTF-8 length without allocating the encoded bytes (lone surrogates count 3, as encoded). */
function utf8Length(value: string): number {
  let length = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code < 0x80) length += 1
    else if (code < 0x800) length += 2
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4
        index++
      } else length += 3
    } else length += 3
  }
  return length
}
