/** The built-in components of mdast's and GFM's phrasing nodes. */
import { h } from 'vue'
import { useRendererOptions } from '../renderer/context.js'
import { renderChildren } from '../renderer/render.js'
import { node } from './define.js'
import { idSlug } from './text.js'
import { relFor, safeUrl } from './url.js'

/** `text`: the value, escaped by Vue, never parsed as HTML. */
export const TextNode = node<'text'>(({ node }) => node.value)

/** `strong`: `<strong>`. */
export const StrongNode = node<'strong'>(({ node }) => h('strong', renderChildren(node)))

/** `emphasis`: `<em>`. */
export const EmphasisNode = node<'emphasis'>(({ node }) => h('em', renderChildren(node)))

/** `delete` (GFM): `<del>`. */
export const DeleteNode = node<'delete'>(({ node }) => h('del', renderChildren(node)))

/** `inlineCode`: `<code>`. */
export const InlineCodeNode = node<'inlineCode'>(({ node }) => h('code', node.value))

/** `break`: `<br>`. */
export const BreakNode = node<'break'>(() => h('br'))

/**
 * `link`: `<a>`, with no `href` when the URL is unsafe, `rel` when it is external. A link
 * between pages of a guide gets its URL from the renderer's `linkUrl`.
 */
export const LinkNode = node<'link'>(({ node }) => {
  const target = node.data?.pageLink
  const url = target ? useRendererOptions().value.linkUrl(target, { idPrefix: '' }) : node.url
  const href = safeUrl(url)
  return h('a', { href, title: node.title ?? undefined, rel: relFor(href) }, renderChildren(node))
})

/**
 * `image`: a lazy `<img>`, with no `src` when the URL is unsafe, and the size the content
 * package measured (`data.hProperties`), so the page keeps its box while it loads.
 */
export const ImageNode = node<'image'>(({ node }) =>
  h('img', {
    src: safeUrl(node.url),
    alt: node.alt ?? '',
    title: node.title ?? undefined,
    width: size(node.data?.hProperties?.width),
    height: size(node.data?.hProperties?.height),
    loading: 'lazy',
    decoding: 'async',
  }),
)

function size(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined
}

/** `imageReference`: its alt text (the content package resolves references). */
export const ImageReferenceNode = node<'imageReference'>(({ node }) => node.alt ?? '')

/** `linkReference`: its children (the content package resolves references). */
export const LinkReferenceNode = node<'linkReference'>(({ node }) => renderChildren(node))

/** `footnoteReference` (GFM): a superscript link to its definition. */
export const FootnoteReferenceNode = node<'footnoteReference'>(({ node }) =>
  h('sup', { class: 'aie-footnote-ref' }, [
    h('a', { href: `#fn-${idSlug(node.identifier)}` }, node.label ?? node.identifier),
  ]),
)
