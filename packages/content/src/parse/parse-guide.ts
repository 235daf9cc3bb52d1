import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { slug } from 'github-slugger'
import remarkFrontmatter from 'remark-frontmatter'
import { unified, type Compiler, type Processor } from 'unified'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { eachNode, figuresOf } from '../runtime/index.js'
import { nodePlugins } from '../nodes/index.js'
import {
  applyRules,
  checkRuleSettings,
  GuideError,
  hasErrors,
  report,
  type RuleSettings,
} from '../report/index.js'
import remarkGuideParse, { type LimitOptions } from './hardening/parser.js'
import remarkGuideFrontmatter, { isSlug } from './remark-guide-frontmatter.js'
import remarkGuideGfm from './remark-guide-gfm.js'
import remarkGuideHtml from './remark-guide-html.js'
import remarkGuideReferences from './remark-guide-references.js'
import remarkGuideUrls from './remark-guide-urls.js'
import type { GuidePage, GuideRoot } from '../types.js'

export { defaultMaxBytes } from './hardening/parser.js'

/** Options of {@link guideProcessor}: the limits, and the severities of rules. */
export interface ProcessorOptions extends LimitOptions {
  /** Severities to use instead of the defaults, by rule id: `{ 'figure-alt': 'error' }`. */
  rules?: RuleSettings | undefined
}

/** Options of {@link parseGuide}. */
export interface ParseOptions extends ProcessorOptions {
  /** The file's path, for messages (and, without `pagePath`, the page's own path). */
  path?: string | undefined
  /**
   * The page's path in its guide's folder, with `/` (`deploy/docker.md`): the page's
   * `path`, its default id (`deploy/docker`) and where its relative links start.
   * Default: the file name of `path`.
   */
  pagePath?: string | undefined
  /** Warnings fail the page too, as `mkdocs build --strict` does. */
  strict?: boolean | undefined
}

/**
 * The unified processor that `parseGuide` runs: our hardened remark-parse
 * (the limits, chunked parsing), GFM (remark-gfm's extensions, `remarkGuideGfm`),
 * remark-frontmatter (YAML), then
 * our plugins in the order they need, those of our nodes from the registry;
 * last, the messages get the severities `rules` give them.
 */
export function guideProcessor(options?: Readonly<ProcessorOptions>): Processor<Root, Root, Root> {
  const rules = options?.rules ? checkRuleSettings(options.rules) : undefined
  return unified()
    .use(remarkGuideParse, options)
    .use(treeResult)
    .use(remarkGuideGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGuideFrontmatter)
    .use(nodePlugins('raw'))
    .use(remarkGuideHtml)
    .use(nodePlugins('inline'))
    .use(remarkGuideUrls)
    .use(remarkGuideReferences)
    .use(nodePlugins('structure'))
    .use(ruleSeverities, rules) as unknown as Processor<Root, Root, Root>
}

/** Give every message the severity the settings give its rule (dropping those set `off`). */
function ruleSeverities(rules?: Readonly<RuleSettings>) {
  return (_tree: Root, file: VFile): undefined => {
    applyRules(file, rules)
  }
}

/**
 * `process()` gives the tree as `file.result`; a compiler used after it
 * (remark-stringify, remark-rehype + rehype-stringify) takes over.
 */
function treeResult(this: Processor): void {
  // unified keeps a compiler's non-string result, untouched, as `file.result`.
  this.compiler = ((tree: Root) => tree) as unknown as Compiler
}

const processors = new Map<string, Processor<Root, Root, Root>>()

/** A frozen processor per set of limits, made once. */
function processorFor(options: ParseOptions): Processor<Root, Root, Root> {
  const limits: ProcessorOptions = {
    maxBytes: options.maxBytes,
    maxNesting: options.maxNesting,
    maxDelimiters: options.maxDelimiters,
    chunkLength: options.chunkLength,
    rules: options.rules,
  }
  const key = JSON.stringify(limits)
  let processor = processors.get(key)
  if (!processor) {
    processor = guideProcessor(limits).freeze()
    processors.set(key, processor)
  }
  return processor
}

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
  if (!page) throw new GuideError(file, { strict: options.strict })
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
  const file = new VFile({ path: options.path ?? 'guide.md', value: markdown })
  let tree: GuideRoot
  try {
    tree = (await processorFor(options).process(file)).result as unknown as GuideRoot
  } catch (error) {
    // The parser throws the fatal message it recorded on the file: over a limit, not UTF-8.
    if (error instanceof VFileMessage && file.messages.includes(error)) {
      return { file, page: undefined }
    }
    throw error
  }
  const pagePath = options.pagePath ?? file.basename ?? 'guide.md'
  const page = hasErrors(file) ? undefined : toPage(tree, file, pagePath)
  return { file, page: hasErrors(file, options.strict) ? undefined : page }
}

function toPage(tree: GuideRoot, file: VFile, path: string): GuidePage | undefined {
  const meta = file.data.guideMeta ?? {}
  const title = meta.title ?? firstHeading(tree)
  if (!title) {
    report(
      file,
      'The page has no title: start it with a `# Heading`, or give `title:` in frontmatter',
      { line: 1, column: 1 },
      'title-missing',
    )
    return undefined
  }
  const id = meta.id ?? pageIdOf(path)
  const figures = figuresOf(tree)
  const page: GuidePage = { id, path, title, tree, sections: tree.children, figures }
  if (meta.source) page.source = meta.source
  if (meta.author) page.author = meta.author
  return page
}

function firstHeading(tree: GuideRoot): string | undefined {
  let title: string | undefined
  eachNode<Heading>(tree, ['heading'], (heading) => {
    if (heading.depth !== 1) return undefined
    title = toString(heading).trim() || undefined
    return false
  })
  return title
}

/**
 * The id of the page at `path` in its guide, when its frontmatter gives none: each
 * folder and the file name slugged, without `.md`, joined by `/` (`Deploy/Docker.md` →
 * `deploy/docker`).
 */
export function pageIdOf(path: string): string {
  const parts = path
    .replace(/\.md$/i, '')
    .split('/')
    .map((part) => slug(part))
  return parts.every((part) => isSlug(part)) ? parts.join('/') : 'page'
}
