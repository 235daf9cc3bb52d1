import type { Root as HastRoot } from 'hast'
import type { Nodes, Root } from 'mdast'
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified, type Processor } from 'unified'
import { nodeHastHandlers, withNodeSanitize } from '../nodes/index.js'

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

let processor: Processor<Root, Root, HastRoot, HastRoot, string> | undefined

function htmlProcessor(): Processor<Root, Root, HastRoot, HastRoot, string> {
  processor ??= unified()
    .use(remarkRehype, { handlers: nodeHastHandlers })
    .use(rehypeSanitize, guideSanitizeSchema)
    .use(rehypeStringify)
    .freeze() as unknown as Processor<Root, Root, HastRoot, HastRoot, string>
  return processor
}

/**
 * The sanitized hast of `node` (a page's tree, or any node in it): exactly
 * the tree that {@link toHtml} serializes, for renderers that build elements
 * rather than a string.
 */
export function toSafeHast(node: Nodes): HastRoot {
  const root: Root =
    node.type === 'root' ? node : { type: 'root', children: [node as Root['children'][number]] }
  return htmlProcessor().runSync(root)
}

/**
 * Serialize `node` (a page's tree, or any node in it) to HTML, through
 * remark-rehype and rehype-sanitize: whatever the tree holds, the output has
 * no script, no event handler and no URL but http, https, mailto and relative.
 * Ids get GitHub's `user-content-` prefix, so they cannot clobber globals.
 */
export function toHtml(node: Nodes): string {
  return htmlProcessor().stringify(toSafeHast(node))
}
