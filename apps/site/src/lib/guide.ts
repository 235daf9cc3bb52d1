/** The guide's entries as the site shows them: URLs, images, the nav. */
import { pageUrl } from '@ai-engineer/content'
import type { GuideEntryData } from '@ai-engineer/content/astro'
import { getCollection, type CollectionEntry } from 'astro:content'
import { toString } from 'mdast-util-to-string'

export type Entry = CollectionEntry<'guide'>

/** Every page of the guide, in nav order. */
export async function entries(): Promise<Entry[]> {
  const all = await getCollection('guide')
  return all.sort((a, b) => a.data.order - b.data.order)
}

/** The URL of a page on the site (under its base), with a section's fragment. */
export function href(page: string, section?: string): string {
  return `${import.meta.env.BASE_URL}${pageUrl(page)}${section === undefined ? '' : `#${section}`}`
}

/** The page's path relative to the site's base: `''` for the home page. */
export function slug(page: string): string | undefined {
  const path = pageUrl(page).replace(/\/$/, '')
  return path === '' ? undefined : path
}

type Tree = GuideEntryData['tree']

/** The page's first paragraph as plain text, cut between words to at most 160 characters. */
export function describe(tree: Tree): string | undefined {
  for (const section of tree.children) {
    const paragraph = section.children.find((child) => child.type === 'paragraph')
    if (paragraph === undefined) continue
    const text = toString(paragraph).replace(/\s+/g, ' ').trim()
    if (text.length <= 160) return text
    return `${text.slice(0, text.lastIndexOf(' ', 159))}…`
  }
  return undefined
}

/**
 * Headings that open their section and share its id, with that id: the section holds the
 * id, and the heading's permalink points at it.
 */
export const sectionHeadings = new WeakMap<object, string>()

/** The slide that presents a section, by the section's node, for its "present this" link. */
export const sectionSlides = new WeakMap<object, string>()

/**
 * The page's tree as the site renders it: each relative image `src` replaced by the URL
 * of the file Astro emitted for it (`entry.data.images`), each heading that opens its
 * section noted in {@link sectionHeadings}, and each section on a slide in
 * {@link sectionSlides} (`slides`: `page#section` → the slide's URL). The entry's own
 * tree is left as it is.
 */
export function prepareTree(
  { id, tree, images }: GuideEntryData,
  slides: ReadonlyMap<string, string> = new Map(),
): Tree {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit)
    if (node === null || typeof node !== 'object') return node
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) copy[key] = visit(value)
    const type = copy['type']
    const field = type === 'figure' ? 'src' : type === 'image' ? 'url' : undefined
    const image = field === undefined ? undefined : images[copy[field] as string]
    if (field !== undefined && image !== undefined) copy[field] = image.src
    return copy
  }
  const prepared = visit(tree) as Tree
  for (const section of prepared.children) {
    const slide = slides.get(`${id}#${section.id}`)
    if (slide !== undefined) sectionSlides.set(section, slide)
    for (const child of section.children) {
      if (child.type === 'heading' && child.data?.id === section.id) {
        sectionHeadings.set(child, section.id)
      }
    }
  }
  return prepared
}
