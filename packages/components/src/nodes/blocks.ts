/** The built-in components of mdast's and GFM's block nodes (lists and tables aside). */
import { h } from 'vue'
import { renderChildren } from '../renderer/render.js'
import { node } from './define.js'
import { idSlug } from './text.js'

/** `root`: its children, with no wrapper. */
export const RootNode = node<'root'>(({ node }) => renderChildren(node))

/** `paragraph`: `<p>`; only its children when `bare` (in a tight list item). */
export const ParagraphNode = node<'paragraph'>(({ node, bare }) =>
  bare ? renderChildren(node) : h('p', renderChildren(node)),
)

/** `heading`: `<h1>`–`<h6>` with the id from `data.id`, unless `withoutId`. */
export const HeadingNode = node<'heading'>(({ node, withoutId }) =>
  h(`h${node.depth}`, { id: withoutId ? undefined : node.data?.id }, renderChildren(node)),
)

/** `blockquote`: `<blockquote>`. */
export const BlockquoteNode = node<'blockquote'>(({ node }) =>
  h('blockquote', renderChildren(node)),
)

/** `thematicBreak`: `<hr>`. */
export const ThematicBreakNode = node<'thematicBreak'>(() => h('hr'))

/** `code`: `<pre><code class="language-x">`, as text. */
export const CodeNode = node<'code'>(({ node }) =>
  h('pre', [h('code', node.lang ? { class: `language-${node.lang}` } : null, node.value)]),
)

/** `footnoteDefinition` (GFM): `<div id="fn-…">` with its label and content. */
export const FootnoteDefinitionNode = node<'footnoteDefinition'>(({ node }) =>
  h('div', { id: `fn-${idSlug(node.identifier)}`, class: 'aie-footnote' }, [
    h('sup', node.label ?? node.identifier),
    ' ',
    ...renderChildren(node),
  ]),
)

/** Renders nothing. */
const nothing = () => null

/** `html`: nothing. Raw HTML is never injected. */
export const HtmlNode = node<'html'>(nothing)

/** `yaml` (frontmatter): nothing, it is metadata. */
export const YamlNode = node<'yaml'>(nothing)

/** `definition`: nothing (the content package resolves references). */
export const DefinitionNode = node<'definition'>(nothing)
