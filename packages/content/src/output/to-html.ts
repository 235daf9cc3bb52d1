import type { Root as HastRoot } from 'hast'
import type { Link, Nodes, Root } from 'mdast'
import { defaultHandlers, type State } from 'mdast-util-to-hast'
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import { nodeHastHandlers, withNodeSanitize } from '../nodes/index.js'
import { relativeLinkUrl, type LinkUrl } from '../runtime/index.js'

/** Options of {@link toHtml} and {@link toSafeHast}. */
export interface HtmlOptions {
  /**
   * The URL of a link between pages (`data.pageLink`). Default: relative to the page
   * the link stands in, each page at `<id>/`: `../docker/#user-content-basics`.
   */
  linkUrl?: LinkUrl | undefined
}

/** The id prefix of `rehype-sanitize` (GitHub's): links to sections must carry it too. */
const idPrefix = 'user-content-'

/**
 * GitHub's sanitize schema, narrowed to http, https and mailto links and
 * widened only for what our nodes render (each node's sanitize additions:
 * `<figure>`, `<figcaption>`, `role="img"` with a label on emoji, lazy
 * images, …).
 */
export const guideSanitizeSchema: Schema = withNodeSanitize({
  ...defaultSchema,
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
})

type HtmlProcessor = Processor<Root, Root, HastRoot, HastRoot, string>

/** One processor per `linkUrl`, made once. */
const processors = new WeakMap<LinkUrl, HtmlProcessor>()

function htmlProcessor(linkUrl: LinkUrl): HtmlProcessor {
  let processor = processors.get(linkUrl)
  if (!processor) {
    // A link between pages gets the URL `linkUrl` makes; any other link keeps its own.
    const link = (state: State, node: Link) => {
      const element = defaultHandlers.link(state, node)
      const target = node.data?.pageLink
      if (target) element.properties.href = linkUrl(target, { idPrefix })
      return element
    }
    processor = unified()
      .use(remarkRehype, { handlers: { ...nodeHastHandlers, link } })
      .use(rehypeSanitize, guideSanitizeSchema)
      .use(rehypeStringify)
      .freeze() as unknown as HtmlProcessor
    processors.set(linkUrl, processor)
  }
  return processor
}

/**
 * The sanitized hast of `node` (a page's tree, or any node in it): exactly
 * the tree that {@link toHtml} serializes, for renderers that build elements
 * rather than a string.
 */
export function toSafeHast(node: Nodes, options: Readonly<HtmlOptions> = {}): HastRoot {
  const root: Root =
    node.type === 'root' ? node : { type: 'root', children: [node as Root['children'][number]] }
  return htmlProcessor(options.linkUrl ?? relativeLinkUrl).runSync(root)
}

/**
 * Serialize `node` (a page's tree, or any node in it) to HTML, through
 * remark-rehype and rehype-sanitize: whatever the tree holds, the output has
 * no script, no event handler and no URL but http, https, mailto and relative.
 * Ids get GitHub's `user-content-` prefix, so they cannot clobber globals; a link
 * between pages gets its URL from `options.linkUrl`.
 */
export function toHtml(node: Nodes, options: Readonly<HtmlOptions> = {}): string {
  return htmlProcessor(relativeLinkUrl).stringify(toSafeHast(node, options))
}
