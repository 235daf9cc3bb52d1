/**
 * What a slide says it shows: the `page` and `section` (and optionally `blocks`) in its
 * frontmatter, and the ids its components name (`<TalkFigure page="intro" figure="…">`).
 * Section and figure ids are unique within their page, so each is named with its page.
 * Unknown ids are errors, so a stale id stops `slidev build` and `slidev` start-up.
 */
import type { Section } from '@ai-engineer/content'
import { parseSync } from '@slidev/parser'
import { basename } from 'node:path'
import type { Content } from './content.ts'

/** A slide's content, from its frontmatter: a page's section, and which of its blocks. */
export interface SlideContent {
  page: string
  section: Section
  /** Indexes into `section.children`, in order; every block when the slide names none. */
  blocks: number[]
}

/** An id a component names in a slide's markup: `<TalkFigure page="intro" figure="technical-debt">`. */
export interface MarkupId {
  tag: string
  attribute: IdAttribute
  value: string
  /** The page the tag names, for a section or a figure. */
  page: string | undefined
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
    const named = [...attributes.matchAll(attributePattern)]
    const page = named.find(([, attribute]) => attribute === 'page')?.[2]
    for (const [, attribute = '', value = ''] of named) {
      if (idAttributes.has(attribute)) {
        found.push({ tag, attribute: attribute as IdAttribute, value, page })
      }
    }
  }
  return found
}

/** The ids of one kind that `page` of the guide has (the pages, for `page`). */
function known(
  content: Content,
  attribute: IdAttribute,
  page: string | undefined,
): readonly string[] {
  if (attribute === 'page') return content.pageIds
  const byPage: Readonly<Record<string, readonly string[]>> =
    attribute === 'section' ? content.sectionIds : content.figureIds
  return (page !== undefined && Object.hasOwn(byPage, page) ? byPage[page] : undefined) ?? []
}

function unknownId(
  where: string,
  what: string,
  value: unknown,
  ids: readonly string[],
  page?: string,
): never {
  const scope = page === undefined ? '; the guide has' : ` in page "${page}"; the page has`
  throw new SlideContentError(
    `${where}: unknown ${what} ${JSON.stringify(value)}${scope}: ${ids.join(', ')}`,
  )
}

/** The page `page` names, checked: a section or figure is named with its page. */
function checkPage(content: Content, page: unknown, where: string, what: string): string {
  if (page === undefined) throw new SlideContentError(`${where}: a ${what} needs a \`page\``)
  if (typeof page !== 'string' || !content.pageIds.includes(page as never)) {
    unknownId(where, 'page id', page, content.pageIds)
  }
  return page
}

/** Throws a {@link SlideContentError} for any id in `markup` that the guide does not have. */
export function checkMarkupIds(markup: string, content: Content, where: string): MarkupId[] {
  const found = markupIds(markup)
  for (const { tag, attribute, value, page } of found) {
    const at = `${where} <${tag}>`
    if (attribute !== 'page') checkPage(content, page, at, attribute)
    const ids = known(content, attribute, page)
    if (!ids.includes(value)) {
      unknownId(at, `${attribute} id`, value, ids, attribute === 'page' ? undefined : page)
    }
  }
  return found
}

/**
 * The content a slide's frontmatter names (`page: intro`, `section: ai-engineers`,
 * `blocks: [1, 2]`), or `undefined` when it names none. Throws a
 * {@link SlideContentError} for an unknown page or section id, a section without its
 * page, `blocks` without a section, and blocks the section does not have.
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
  const page = checkPage(content, frontmatter.page, where, 'section')
  const ids = known(content, 'section', page)
  if (typeof id !== 'string' || !ids.includes(id)) {
    unknownId(where, 'section id', id, ids, page)
  }
  const section = content.getSection(page as never, id as never)
  const count = section.children.length
  if (blocks === undefined) {
    return { page, section, blocks: section.children.map((_, index) => index) }
  }
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
  return { page, section, blocks: [...(blocks as number[])].sort((a, b) => a - b) }
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
