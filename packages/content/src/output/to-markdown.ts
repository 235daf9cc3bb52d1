import type { Link, Nodes, Root, RootContent } from 'mdast'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import {
  defaultHandlers,
  toMarkdown as mdastToMarkdown,
  type Handle,
  type Options as ToMarkdownExtension,
} from 'mdast-util-to-markdown'
import { stringify as stringifyYaml } from 'yaml'
import { nodeMarkdownExtensions } from '../nodes/index.js'
import type { LinkUrl } from '../runtime/index.js'
import type { GuidePage, Section } from '../types.js'

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /**
   * The URL to write for a link between pages (`data.pageLink`). Default: none, so the
   * link is written as its author wrote it (`docker.md#basics`) and parses back the same.
   */
  linkUrl?: LinkUrl | undefined
}

/**
 * A line break in a table cell is written `<br>`, as GitHub users write it (a cell is one
 * line), and parses back to a break; elsewhere it is markdown's own.
 */
const breakHandler: Handle = (node, parent, state, info) =>
  parent?.type === 'tableCell' ? '<br>' : defaultHandlers.break(node, parent, state, info)

/** mdast-util-to-markdown extension with the handlers of every node of ours. */
export function guideToMarkdown(): ToMarkdownExtension {
  return { extensions: [...nodeMarkdownExtensions, { handlers: { break: breakHandler } }] }
}

/**
 * Serialize a page, its tree, or any node of it to markdown. A page writes
 * its metadata as frontmatter; a root of sections writes its section ids
 * there, so that parsing the output gives the same ids back.
 */
export function toMarkdown(
  value: Nodes | GuidePage,
  options: Readonly<MarkdownOptions> = {},
): string {
  const tree =
    'tree' in value ? pageToRoot(value) : value.type === 'root' ? rootToFlow(value) : value
  const { linkUrl } = options
  const link: Handle = (node: Link, parent, state, info) => {
    const target = node.data?.pageLink
    const url = target && linkUrl ? linkUrl(target, { idPrefix: '' }) : node.url
    return defaultHandlers.link({ ...node, url }, parent, state, info)
  }
  return mdastToMarkdown(tree, {
    bullet: '*',
    rule: '-',
    extensions: [
      gfmToMarkdown(),
      frontmatterToMarkdown(['yaml']),
      guideToMarkdown(),
      ...(linkUrl ? [{ handlers: { link } }] : []),
    ],
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
