/**
 * What a slide says it shows: the `section` (and optionally `blocks`) in its
 * frontmatter, and the ids its components name (`<TalkFigure figure="…">`).
 * Unknown ids are errors, so a stale id stops `slidev build` and `slidev` start-up.
 */
import type { Section } from '@ai-engineer/content'
import { parseSync } from '@slidev/parser'
import { basename } from 'node:path'
import type { Content } from './content.ts'

/** A slide's content, from its frontmatter: a section, and which of its blocks. */
export interface SlideContent {
  section: Section
  /** Indexes into `section.children`, in order; every block when the slide names none. */
  blocks: number[]
}

/** An id a component names in a slide's markup: `<TalkFigure figure="technical-debt">`. */
export interface MarkupId {
  tag: string
  attribute: IdAttribute
  value: string
}

/** The props by which the talk's components name content. */
export type IdAttribute = 'section' | 'figure' | 'page'

/** A slide that names content the guide does not have. */
export class SlideContentError extends Error {
  override name = 'SlideContentError'
}

const idAttributes = new Set<string>(['section', 'figure', 'page'])
// A component tag (capitalised) and its attributes; a static `name="value"` only.
const tagPattern = /<([A-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g
const attributePattern = /\s([a-z-]+)="([^"]*)"/g

/** Every static content id that a component names in `markup`. */
export function markupIds(markup: string): MarkupId[] {
  const found: MarkupId[] = []
  for (const [, tag = '', attributes = ''] of markup.matchAll(tagPattern)) {
    for (const [, attribute = '', value = ''] of attributes.matchAll(attributePattern)) {
      if (idAttributes.has(attribute)) {
        found.push({ tag, attribute: attribute as IdAttribute, value })
      }
    }
  }
  return found
}

/** The ids of one kind that the guide has, for messages and checks. */
function known(content: Content, attribute: IdAttribute): readonly string[] {
  if (attribute === 'section') return content.sectionIds
  if (attribute === 'figure') return content.figureIds
  return content.pageIds
}

function unknownId(where: string, what: string, value: unknown, ids: readonly string[]): never {
  throw new SlideContentError(
    `${where}: unknown ${what} ${JSON.stringify(value)}; the guide has: ${ids.join(', ')}`,
  )
}

/** Throws a {@link SlideContentError} for any id in `markup` that the guide does not have. */
export function checkMarkupIds(markup: string, content: Content, where: string): MarkupId[] {
  const found = markupIds(markup)
  for (const { tag, attribute, value } of found) {
    const ids = known(content, attribute)
    if (!ids.includes(value)) unknownId(`${where} <${tag}>`, `${attribute} id`, value, ids)
  }
  return found
}

/**
 * The content a slide's frontmatter names (`section: ai-engineers`, `blocks: [1, 2]`),
 * or `undefined` when it names none. Throws a {@link SlideContentError} for an unknown
 * section id, for `blocks` without a section, and for blocks the section does not have.
 */
export function slideContent(
  frontmatter: Readonly<Record<string, unknown>>,
  content: Content,
  where: string,
): SlideContent | undefined {
  const { section: id, blocks } = frontmatter
  if (id === undefined) {
    if (blocks !== undefined) {
      throw new SlideContentError(`${where}: \`blocks\` needs a \`section\``)
    }
    return undefined
  }
  if (typeof id !== 'string' || !content.sectionIds.includes(id as never)) {
    unknownId(where, 'section id', id, content.sectionIds)
  }
  const section = content.getSection(id as never)
  const count = section.children.length
  if (blocks === undefined) return { section, blocks: section.children.map((_, index) => index) }
  if (
    !Array.isArray(blocks) ||
    blocks.length === 0 ||
    !blocks.every((index) => Number.isInteger(index) && index >= 0 && index < count)
  ) {
    throw new SlideContentError(
      `${where}: \`blocks\` must list block indexes of section ${JSON.stringify(id)}, ` +
        `0 to ${count - 1}; got ${JSON.stringify(blocks)}`,
    )
  }
  return { section, blocks: [...(blocks as number[])].sort((a, b) => a - b) }
}

/** How messages name a slide: `slides.md, slide 3 (Its title)`. */
export function slideName(
  file: string,
  number: number,
  frontmatter: Readonly<Record<string, unknown>>,
): string {
  const title = typeof frontmatter.title === 'string' ? ` (${frontmatter.title})` : ''
  return `${basename(file)}, slide ${number}${title}`
}

/**
 * Throws a {@link SlideContentError} for the first slide of the deck in `markdown` that
 * names content `content` does not have: what the preparser checks, run on a new
 * version of the guide before the dev server serves it.
 */
export function checkDeck(markdown: string, file: string, content: Content): void {
  parseSync(markdown, file).slides.forEach((slide, index) => {
    const where = slideName(file, index + 1, slide.frontmatter)
    checkMarkupIds(slide.content, content, where)
    slideContent(slide.frontmatter, content, where)
  })
}
