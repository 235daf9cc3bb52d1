/**
 * Raw HTML that has a markdown equivalent, as that markdown: the HTML is parsed
 * (hast-util-from-html, rehype-parse's engine) with positions in the markdown file,
 * checked (every element and attribute we do not know is reported where it stands),
 * sanitized (rehype-sanitize, with a schema of exactly what is checked here), then
 * turned into mdast (hast-util-to-mdast). `<details>` becomes the admonition it is
 * in mkdocs-material (`??? kind "Summary"`).
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import { toMdast, type Handle, type State } from 'hast-util-to-mdast'
import type { BlockContent, Html, Image, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize'
import { unified, type Processor } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { attributeNames, parseFragment, significant } from '../nodes/index.js'
import { report } from '../report/index.js'
import { isSafeUrl } from '../runtime/index.js'
import type { Admonition } from '../types.js'

/** Elements that may stand first in a block of raw HTML: the ones mkdocs guides write blocks with. */
export const blockElements: ReadonlySet<string> = new Set(['table', 'div', 'details', 'img', 'a'])

/** Elements that may stand inside them, each with the attributes it keeps. */
const kept: Readonly<Record<string, readonly string[]>> = {
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  div: [],
  details: ['open', 'class'],
  summary: [],
  p: [],
  br: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  em: [],
  i: [],
  strong: [],
  b: [],
  code: [],
  pre: [],
  del: [],
  s: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
}

/** What the HTML a guide may use is, for messages. */
export const allowedHtml =
  'tables, a wrapping `<div>`, `<a href>`, `<img>`, `<br>`, `<details>` with a `<summary>`, and `<figure>` and `<hr>` blocks'

/** The deepest raw HTML we parse (the HTML parser and the tree utilities recurse). */
const maxDepth = 32

const urlAttributes: Readonly<Record<string, string>> = { a: 'href', img: 'src' }

/** The schema of exactly what the checks let through; URLs were checked, so any scheme left is safe. */
const schema: SanitizeSchema = {
  tagNames: Object.keys(kept),
  attributes: Object.fromEntries(
    Object.entries(kept).map(([tag, names]) => [
      tag,
      names.map((name) => (name === 'class' ? 'className' : name)),
    ]),
  ),
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  strip: ['script', 'style'],
  clobber: [],
}

let sanitizer: Processor<HastRoot, HastRoot, HastRoot> | undefined

function sanitize(tree: HastRoot): HastRoot {
  sanitizer ??= unified().use(rehypeSanitize, schema).freeze() as unknown as Processor<
    HastRoot,
    HastRoot,
    HastRoot
  >
  return sanitizer.runSync(tree)
}

/** The message for an element we do not turn into markdown. */
export function unknownHtml(what: string): string {
  return `Raw HTML ${what} is not supported: write it in markdown (${allowedHtml} are the HTML a guide may use), or escape the \`<\` as \`\\<\``
}

/**
 * How deep the tags of `html` nest, counted on the text before anything parses it:
 * an end tag closes one level, void elements open none.
 */
function roughDepth(html: string): number {
  const voids = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i
  let level = 0
  let deepest = 0
  for (const [, close = '', name = '', self = ''] of html.matchAll(
    /<(\/?)([a-z][a-z\d-]*)\b[^>]*?(\/?)>/gi,
  )) {
    if (close) level = Math.max(0, level - 1)
    else if (!self && !voids.test(name)) deepest = Math.max(deepest, ++level)
  }
  return deepest
}

/** Presentational attributes, and the markdown-in-HTML marker, dropped with a warning. */
const presentational = new Set([
  'width',
  'height',
  'style',
  'align',
  'valign',
  'class',
  'id',
  'border',
  'cellpadding',
  'cellspacing',
  'bgcolor',
  'loading',
  'decoding',
  'target',
  'rel',
])

/** Report every element and attribute of `tree` we do not keep; false when one was an error. */
function check(tree: HastRoot, file: VFile): boolean {
  let ok = true
  visit(tree, 'element', (element: Element) => {
    const allowed = Object.hasOwn(kept, element.tagName) ? kept[element.tagName] : undefined
    if (allowed === undefined) {
      report(file, unknownHtml(`\`<${element.tagName}>\``), element.position, 'html-unknown')
      ok = false
      return 'skip'
    }
    for (const name of attributeNames(element)) {
      if (name === 'markdown' || allowed.includes(name)) continue
      if (name.startsWith('on')) {
        report(
          file,
          `Attribute \`${name}\` is not allowed on \`<${element.tagName}>\`: raw HTML runs no script`,
          element.position,
          'html-attribute',
        )
        ok = false
      } else {
        report(
          file,
          `Attribute \`${name}\` on \`<${element.tagName}>\` is dropped: ${presentational.has(name) ? 'style it with CSS' : 'markdown has no place for it'}`,
          element.position,
          'attribute-dropped',
        )
      }
    }
    const urlName = urlAttributes[element.tagName]
    const url = urlName ? element.properties[urlName === 'href' ? 'href' : 'src'] : undefined
    if (typeof url === 'string' && !isSafeUrl(url)) {
      const scheme = /^[^:]*:/.exec(url.trim())?.[0] ?? url.slice(0, 20)
      report(
        file,
        `Unsafe URL \`${scheme.replace(/`/g, '')}…\` in \`<${element.tagName} ${urlName}>\`: use \`http:\`, \`https:\`, \`mailto:\` or a relative URL`,
        element.position,
        'url-unsafe',
      )
      ok = false
    }
    if (element.tagName === 'img' && element.properties.alt === undefined) {
      report(
        file,
        'An `<img>` has no `alt`, so it keeps an empty one (screen readers skip it): describe the image in `alt`',
        element.position,
        'image-alt',
      )
    }
    return undefined
  })
  return ok
}

/** `<details class="tip" open><summary>Title</summary>…</details>` → `??? tip "Title"` (`???+` when open). */
const details: Handle = (state: State, element: Element): Admonition => {
  const summary = element.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'summary',
  )
  const body = element.children.filter((child) => child !== summary)
  const classes = Array.isArray(element.properties.className) ? element.properties.className : []
  const kind = classes.map(String).find((name) => /^[\p{L}\p{N}_-]+$/u.test(name)) ?? 'note'
  const title = summary
    ? toString(toMdast({ type: 'root', children: summary.children }))
        .replace(/\s+/g, ' ')
        .trim()
    : ''
  const node: Admonition = {
    type: 'admonition',
    kind,
    title: title === '' ? null : title,
    collapsible: true,
    open: element.properties.open !== undefined && element.properties.open !== false,
    children: state.toFlow(state.all({ ...element, children: body })) as BlockContent[],
  }
  state.patch(element, node)
  return node
}

/** A summary is read by its details. */
const summary: Handle = () => undefined

/**
 * `tree`, checked and sanitized, as mdast (phrasing wrapped in paragraphs when `block`);
 * `undefined` when it held an error (reported).
 */
function hastToMdast(tree: HastRoot, file: VFile, block: boolean): RootContent[] | undefined {
  if (!check(tree, file)) return undefined
  const mdast = toMdast(sanitize(tree), { document: block, handlers: { details, summary } })
  visit(mdast, 'image', (image: Image) => {
    image.alt ??= ''
  })
  return 'children' in mdast ? (mdast.children as RootContent[]) : []
}

/**
 * The raw HTML of `node` as mdast: flow content for a block, phrasing for inline
 * HTML. `undefined`, with the problems reported, when it is not HTML we turn into
 * markdown.
 */
export function htmlToMdast(node: Html, file: VFile, block: boolean): RootContent[] | undefined {
  if (roughDepth(node.value) > maxDepth) {
    report(
      file,
      `Raw HTML nests more than ${maxDepth} elements deep: write it in markdown`,
      node.position,
      'nesting-limit',
    )
    return undefined
  }
  const tree = parseFragment(node, String(file.value))
  const top = significant(tree.children as ElementContent[])
  const first = top[0]
  for (const other of top) {
    const element = other.type === 'element' ? other : undefined
    if (!element || (block && !blockElements.has(element.tagName))) {
      const what = element ? `\`<${element.tagName}>\`` : `text \`${textOf(other)}\``
      report(file, unknownHtml(what), other.position ?? node.position, 'html-unknown')
      return undefined
    }
  }
  if (!first) return []
  const children = hastToMdast(tree, file, block)
  if (!children || block) return children
  // Inline: the phrasing that a lone paragraph wraps.
  return children.flatMap((child) => (child.type === 'paragraph' ? child.children : [child]))
}

function textOf(node: HastContent): string {
  return 'value' in node ? node.value.trim().slice(0, 20) : node.type
}
