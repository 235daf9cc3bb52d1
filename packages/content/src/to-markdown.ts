import type { Element, Root as HastRoot } from 'hast'
import { toHtml as hastToHtml } from 'hast-util-to-html'
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toHast } from 'mdast-util-to-hast'
import {
  toMarkdown as mdastToMarkdown,
  type Handle,
  type Options as ToMarkdownExtension,
} from 'mdast-util-to-markdown'
import { stringify as stringifyYaml } from 'yaml'
import type { Figure, GuidePage, Section } from './types.js'
import { guideHastHandlers } from './to-hast.js'

const section: Handle = (node: Section, _parent, state, info) => state.containerFlow(node, info)

const emoji: Handle = (node: { name: string }) => `:${node.name}:`

const figure: Handle = (node: Figure) => {
  const image = `<img src="${attribute(node.src)}" alt="${attribute(node.alt)}" />`
  const parts = [captionHtml(node.children)]
  if (node.source) {
    parts.push(`<a href="${attribute(node.source.url)}">${text(node.source.label)}</a>`)
  }
  const caption = parts.filter(Boolean).join(' ')
  const lines = [`<figure id="${attribute(node.id)}">`, `  ${image}`]
  if (caption) lines.push(`  <figcaption>${caption}</figcaption>`)
  lines.push('</figure>')
  return lines.join('\n')
}

/** mdast-util-to-markdown extension with handlers for our nodes. */
export function guideToMarkdown(): ToMarkdownExtension {
  return { handlers: { section, figure, emoji } }
}

/**
 * Serialize a page, its tree, or any node of it to markdown. A page writes
 * its metadata as frontmatter; a root of sections writes its section ids
 * there, so that parsing the output gives the same ids back.
 */
export function toMarkdown(value: Nodes | GuidePage): string {
  const tree =
    'tree' in value ? pageToRoot(value) : value.type === 'root' ? rootToFlow(value) : value
  return mdastToMarkdown(tree, {
    bullet: '*',
    rule: '-',
    extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml']), guideToMarkdown()],
  })
}

function pageToRoot(page: GuidePage): Root {
  const meta: Record<string, unknown> = {
    id: page.id,
    title: page.title,
    sections: page.sections.map((node) => node.id),
  }
  if (page.source) meta.source = page.source
  if (page.author) meta.author = page.author
  return flow(page.tree.children, meta)
}

function rootToFlow(root: Root): Root {
  const sections = root.children.filter((node): node is Section => node.type === 'section')
  if (sections.length === 0 || sections.length !== root.children.length) return root
  return flow(sections, { sections: sections.map((node) => node.id) })
}

/** Sections back to a flat flow, with a break where no heading starts one. */
function flow(sections: Section[], meta: Record<string, unknown>): Root {
  const children: RootContent[] = [{ type: 'yaml', value: stringifyYaml(meta).trimEnd() }]
  sections.forEach((node, index) => {
    if (index > 0 && node.children[0]?.type !== 'heading') children.push({ type: 'thematicBreak' })
    children.push(...node.children)
  })
  return { type: 'root', children }
}

/** A caption's phrasing as HTML, emoji written as shortcodes, on one paragraph. */
function captionHtml(children: PhrasingContent[]): string {
  const plain = children.map((child) =>
    child.type === 'emoji' ? { type: 'text' as const, value: `:${child.name}:` } : child,
  )
  const hast = toHast(
    { type: 'paragraph', children: plain },
    { handlers: guideHastHandlers },
  ) as Element
  const html = hastToHtml({ type: 'root', children: hast.children } as HastRoot)
  // A blank line would end the HTML block.
  return html.replace(/\n\s*\n/g, '\n')
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
