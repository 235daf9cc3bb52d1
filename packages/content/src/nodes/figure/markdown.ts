import type { Element, Root as HastRoot } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { PhrasingContent } from 'mdast'
import { toHast } from 'mdast-util-to-hast'
import type { Handle, Options } from 'mdast-util-to-markdown'
import type { Figure } from '../../types.js'

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

/** A figure is written back as the raw `<figure>` block authors write. */
export const figureToMarkdown: Options = { handlers: { figure } }

/** A caption's phrasing as HTML, emoji written as shortcodes, on one paragraph. */
function captionHtml(children: PhrasingContent[]): string {
  const plain = children.map((child) =>
    child.type === 'emoji' ? { type: 'text' as const, value: `:${child.name}:` } : child,
  )
  const hast = toHast({ type: 'paragraph', children: plain }) as Element
  const html = toHtml({ type: 'root', children: hast.children } as HastRoot)
  // A blank line would end the HTML block.
  return html.replace(/\n\s*\n/g, '\n')
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}
