/**
 * Where the deck shows each section of the guide: a slide names the section whose prose
 * is its notes in its frontmatter (`page`, `section`), so the site can link a section to
 * the first slide that presents it ("present this").
 */
import { readFileSync } from 'node:fs'
import { parseSync } from '@slidev/parser'

/** The deck beside the site, when the site is built from the guide the deck presents. */
export interface Deck {
  /** The deck's `slides.md`. */
  slides: string
  /** The deck's URL path, with a trailing slash: `/talk/`. */
  base: string
}

const made = new Map<string, Map<string, string>>()

/** `page#section` → the URL of the first slide that presents it (read once a build). */
export function slideLinks(deck: Deck): Map<string, string> {
  const known = made.get(deck.slides)
  if (known) return known
  const links = new Map<string, string>()
  made.set(deck.slides, links)
  parseSync(readFileSync(deck.slides, 'utf8'), deck.slides).slides.forEach((slide, index) => {
    const { page, section } = slide.frontmatter as { page?: unknown; section?: unknown }
    if (typeof page !== 'string' || typeof section !== 'string') return
    const key = `${page}#${section}`
    if (!links.has(key)) links.set(key, `${deck.base}${index + 1}`)
  })
  return links
}

/** The deck of this build (`null` for a guide of someone else's), from the Astro config. */
export const deck: Deck | null = __DECK__
