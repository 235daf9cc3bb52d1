import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { slug } from 'github-slugger'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { decodeUtf8 } from './decode.js'
import { GuideError } from './guide-error.js'
import {
  checkText,
  checkTree,
  defaultMaxDelimiters,
  defaultMaxNesting,
  type Limits,
} from './limits.js'
import { parseInChunks } from './parse-chunks.js'
import { fail, hasErrors } from './messages.js'
import remarkGuideEmoji from './remark-guide-emoji.js'
import remarkGuideFigure from './remark-guide-figure.js'
import remarkGuideFrontmatter, { isSlug } from './remark-guide-frontmatter.js'
import remarkGuideHtml from './remark-guide-html.js'
import remarkGuideReferences from './remark-guide-references.js'
import remarkGuideSections from './remark-guide-sections.js'
import remarkGuideUrls from './remark-guide-urls.js'
import type { Figure, GuidePage, GuideRoot } from './types.js'

/** Options of {@link parseGuide}. */
export interface ParseOptions {
  /** The file's path, for error messages and the default page id. */
  path?: string | undefined
  /**
   * The largest guide accepted, in bytes of UTF-8 (default 16 MiB). Larger
   * input is rejected before parsing, so a runaway file cannot hang a build.
   */
  maxBytes?: number | undefined
  /**
   * The deepest nesting of block quotes, list items, emphasis and links
   * (default 100). Deeper input is rejected before it can overflow the stack
   * or take minutes to parse.
   */
  maxNesting?: number | undefined
  /**
   * The most emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) one
   * paragraph may hold (default 2000): the parser takes quadratic time on
   * them.
   */
  maxDelimiters?: number | undefined
}

/** The default of {@link ParseOptions.maxBytes}: 16 MiB. */
export const defaultMaxBytes = 16 * 1024 * 1024

/**
 * The unified processor that `parseGuide` runs: remark-parse, remark-gfm,
 * remark-frontmatter (YAML), then our plugins in the order they need.
 */
export function guideProcessor(): Processor<Root, Root, Root> {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGuideFrontmatter)
    .use(remarkGuideFigure)
    .use(remarkGuideHtml)
    .use(remarkGuideEmoji)
    .use(remarkGuideUrls)
    .use(remarkGuideReferences)
    .use(remarkGuideSections) as unknown as Processor<Root, Root, Root>
}

let processor: Processor<Root, Root, Root> | undefined

/**
 * Parse one page of a guide, given as text or as the file's bytes (UTF-8; a
 * byte order mark is dropped; invalid UTF-8 is an error at its line and
 * column). Resolves to the page; rejects with a {@link GuideError} naming
 * `path:line:column` for every problem found.
 */
export async function parseGuide(
  markdown: string | Uint8Array,
  options: ParseOptions = {},
): Promise<GuidePage> {
  const { file, page } = await checkGuide(markdown, options)
  if (!page) throw new GuideError(file)
  return page
}

/**
 * What {@link parseGuide} does, keeping the vfile whatever happens: the page
 * when the guide is valid, and every message (warnings too) on `file`.
 */
export async function checkGuide(
  markdown: string | Uint8Array,
  options: ParseOptions = {},
): Promise<{ file: VFile; page: GuidePage | undefined }> {
  const file = new VFile({ path: options.path ?? 'guide.md' })
  const value = readInput(markdown, file, options.maxBytes ?? defaultMaxBytes)
  if (value === undefined) return { file, page: undefined }
  file.value = value
  const limits: Limits = {
    maxNesting: options.maxNesting ?? defaultMaxNesting,
    maxDelimiters: options.maxDelimiters ?? defaultMaxDelimiters,
  }
  if (!checkText(value, file, limits)) return { file, page: undefined }

  processor ??= guideProcessor().freeze()
  const parser = processor
  const tree = parseInChunks(value, (chunk) => parser.parse(chunk))
  if (!checkTree(tree, file, limits)) return { file, page: undefined }
  const result = (await processor.run(tree, file)) as GuideRoot
  const page = hasErrors(file) ? undefined : toPage(result, file)
  return { file, page }
}

/** The guide's text, if it is within `maxBytes`, valid UTF-8 and free of NUL. */
function readInput(input: string | Uint8Array, file: VFile, maxBytes: number): string | undefined {
  const bytes =
    typeof input !== 'string'
      ? input.length
      : input.length * 3 > maxBytes
        ? utf8Length(input)
        : input.length
  if (bytes > maxBytes) {
    fail(
      file,
      `Guide is ${bytes} bytes, over the limit of ${maxBytes}: split it into pages, or raise \`maxBytes\``,
      { line: 1, column: 1 },
      'size-limit',
    )
    return undefined
  }
  const value = typeof input === 'string' ? input : decodeUtf8(input, file)
  if (value === undefined) return undefined
  // eslint-disable-next-line no-control-regex
  const nul = /\u0000/.exec(value)
  if (nul) {
    const before = value.slice(0, nul.index).split(/\r\n|\r|\n/)
    fail(
      file,
      'NUL character in the guide: is this a binary file, or saved in UTF-16? Save it as UTF-8 text',
      { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
      'encoding',
    )
    return undefined
  }
  return value
}

function toPage(tree: GuideRoot, file: VFile): GuidePage | undefined {
  const meta = file.data.guideMeta ?? {}
  const title = meta.title ?? firstHeading(tree)
  if (!title) {
    fail(
      file,
      'The page has no title: start it with a `# Heading`, or give `title:` in frontmatter',
      { line: 1, column: 1 },
      'title-missing',
    )
    return undefined
  }
  const id = meta.id ?? idFromPath(file.stem) ?? 'page'
  const figures: Figure[] = []
  visit(tree, 'figure', (figure) => {
    figures.push(figure)
  })
  const page: GuidePage = { id, title, tree, sections: tree.children, figures }
  if (meta.source) page.source = meta.source
  if (meta.author) page.author = meta.author
  return page
}

function firstHeading(tree: GuideRoot): string | undefined {
  let title: string | undefined
  visit(tree, 'heading', (heading) => {
    if (heading.depth !== 1) return undefined
    title = toString(heading).trim() || undefined
    return false
  })
  return title
}

function idFromPath(stem: string | undefined): string | undefined {
  const id = stem === undefined ? '' : slug(stem)
  return isSlug(id) ? id : undefined
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
