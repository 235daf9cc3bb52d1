/**
 * Presenter notes from the guide: a section's blocks as markdown, ready for Slidev.
 *
 * The prose is the guide's, unchanged. Two things are adapted for a speaker's screen
 * that must work offline: a figure becomes a line with its caption and source link
 * (never an `<img>` that would fetch the original picture), and an emoji becomes its
 * character (Slidev's notes do not know gemoji shortcodes).
 */
import { pageUrl, type Section } from '@ai-engineer/content'
import { toMarkdown } from '@ai-engineer/content/markdown'
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

/** A copy of `node` with every emoji replaced by its character. */
function withoutEmoji<Node extends Nodes>(node: Node): Node {
  if (node.type === 'emoji') return { type: 'text', value: node.value } as unknown as Node
  if (!('children' in node)) return node
  const children = (node.children as Nodes[]).map((child) => withoutEmoji(child))
  return { ...node, children } as Node
}

/** One block of a section as it stands in the notes. */
export function noteBlock(block: Section['children'][number]): RootContent {
  const node = withoutEmoji(block)
  if (node.type === 'heading') {
    return { type: 'paragraph', children: [{ type: 'strong', children: node.children }] }
  }
  if (node.type === 'figure') {
    const children: PhrasingContent[] = [
      { type: 'emphasis', children: [{ type: 'text', value: 'Figure: ' }, ...node.children] },
    ]
    if (node.source) {
      children.push(
        { type: 'text', value: ' ' },
        {
          type: 'link',
          url: node.source.url,
          children: [{ type: 'text', value: node.source.label }],
        },
      )
    }
    return { type: 'paragraph', children }
  }
  return node
}

/** The presenter notes of a slide that shows these blocks of `section` (all by default). */
export function sectionNote(section: Section, blocks?: readonly number[]): string {
  const picked = blocks ?? section.children.map((_, index) => index)
  const tree: Root = {
    type: 'root',
    children: picked.map((index) => {
      const block = section.children[index]
      if (!block) throw new RangeError(`Section ${section.id} has no block ${index}`)
      return noteBlock(block)
    }),
  }
  return toMarkdown(tree).trim()
}

/**
 * The texts a reader of the notes must find, one per paragraph, heading, list item
 * and figure caption, whitespace collapsed: what the tests look for.
 */
export function noteTexts(section: Section, blocks?: readonly number[]): string[] {
  const picked = blocks ?? section.children.map((_, index) => index)
  return picked.flatMap((index) => {
    const block = section.children[index]
    if (!block) return []
    const node = noteBlock(block)
    const parts = node.type === 'list' ? node.children : [node]
    return parts.map((part) => normalize(toString(part)))
  })
}

/** Whitespace collapsed and trimmed: text from a DOM, a PDF and a tree compare equal. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A line for a slide's notes that links to its section on the guide's website, at
 * `site` (the site's URL, with a trailing slash): `…/intro/#ai-engineers`.
 */
export function websiteNote(site: string, page: string, section: string): string {
  return `[Read this section on the website](${new URL(`${pageUrl(page)}#${section}`, site).href})`
}
