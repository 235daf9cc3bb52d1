/**
 * What a docs site or a reader app builds first from a page: a table of
 * contents, a word count and reading time, each section's plain text and
 * excerpt. The build runs this on the guide ahead of time (see `/derived`);
 * `derivePage` does the same for a page parsed with `/parse`.
 */
import type { Heading, Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { GuidePage } from '../types.js'

/** A heading of a page, with the headings under it. */
export interface TocEntry {
  /** The heading's slug (`data.id`). */
  id: string
  depth: Heading['depth']
  /** The heading's plain text. */
  text: string
  /** The fragment that `toHtml` and `toJsx` output answer to: `#user-content-<id>`. */
  url: string
  /** The headings of greater depth that follow it, up to the next of its depth or less. */
  children: TocEntry[]
}

/** A section's text, for previews and search. */
export interface DerivedSection {
  id: string
  /** The section's heading, or else its first sentence (shortened). */
  title: string
  /** Plain text: blocks separated by a blank line, list items by a line break. */
  text: string
  /** The start of `text`, at most {@link excerptLength} characters, cut between words. */
  excerpt: string
  words: number
  /** The fragment that `toHtml` and `toJsx` output answer to: `#user-content-<id>`. */
  url: string
}

/** What is derived from one page. */
export interface DerivedPage {
  id: string
  title: string
  toc: TocEntry[]
  words: number
  /** At {@link wordsPerMinute} words a minute, rounded up; at least 1. */
  readingMinutes: number
  sections: DerivedSection[]
}

/** Reading speed for `readingMinutes`. */
export const wordsPerMinute = 200
/** Longest excerpt, in characters (the ellipsis included). */
export const excerptLength = 160
const titleLength = 60

const fragment = (id: string): string => `#user-content-${id}`

/** Plain text of any node: blocks separated by a blank line, list items and rows by a line break. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
    case 'figure':
      // A figure's caption; its source link's label ("Source") is not prose.
      return toString(node).trim()
    case 'code':
      return node.value
    case 'list':
    case 'listItem':
    case 'table':
      return node.children.map(plainText).filter(Boolean).join('\n')
    case 'tableRow':
      return node.children.map(plainText).join('\t')
    case 'admonition':
      return [node.title ?? '', ...node.children.map(plainText)].filter(Boolean).join('\n\n')
    case 'html':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return ''
    default:
      return 'children' in node
        ? (node.children as Nodes[]).map(plainText).filter(Boolean).join('\n\n')
        : toString(node)
  }
}

/** Words in `text`: runs of letters and digits, with inner apostrophes, dots and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** `text` with its whitespace collapsed, cut between words to at most `length` characters. */
export function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= length) return flat
  const cut = flat.slice(0, length - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?&-]+$/u, '')}…`
}

function sectionTitle(children: readonly Nodes[], text: string): string {
  const first = children[0]
  if (first?.type === 'heading') return toString(first).trim()
  const sentence = /^.+?[.!?](?=\s|$)/su.exec(text)?.[0] ?? text
  return shorten(sentence, titleLength)
}

function headings(node: Nodes, into: Heading[]): Heading[] {
  if (node.type === 'heading') into.push(node)
  else if ('children' in node) for (const child of node.children as Nodes[]) headings(child, into)
  return into
}

/** Nest headings by depth: each takes the deeper ones that follow it. */
export function tableOfContents(tree: Nodes): TocEntry[] {
  const top: TocEntry[] = []
  const open: TocEntry[] = []
  for (const heading of headings(tree, [])) {
    const id = heading.data?.id
    if (id === undefined) continue
    const entry: TocEntry = {
      id,
      depth: heading.depth,
      text: toString(heading).trim(),
      url: fragment(id),
      children: [],
    }
    while (open.length > 0 && open.at(-1)!.depth >= entry.depth) open.pop()
    ;(open.at(-1)?.children ?? top).push(entry)
    open.push(entry)
  }
  return top
}

/** Derive the table of contents, word counts, reading time and section texts of a page. */
export function derivePage(page: Pick<GuidePage, 'id' | 'title' | 'tree'>): DerivedPage {
  const sections = page.tree.children.map((section): DerivedSection => {
    const text = plainText(section)
    return {
      id: section.id,
      title: sectionTitle(section.children, text),
      text,
      excerpt: shorten(text, excerptLength),
      words: countWords(text),
      url: fragment(section.id),
    }
  })
  const words = sections.reduce((sum, section) => sum + section.words, 0)
  return {
    id: page.id,
    title: page.title,
    toc: tableOfContents(page.tree),
    words,
    readingMinutes: Math.max(1, Math.ceil(words / wordsPerMinute)),
    sections,
  }
}
