import { figureIds, guide, sectionIds } from '@ai-engineer/content'
import type { Nodes } from 'mdast'
import MarkdownIt from 'markdown-it'
import { toString } from 'mdast-util-to-string'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalize, noteTexts } from '../lib/notes.ts'
import { markupIds } from '../lib/slide-content.ts'
import { appDir, deckSlides, readSlides } from './deck.ts'

/** Every paragraph and list item of the guide: its prose. */
function proseOf(node: Nodes): string[] {
  if (node.type === 'paragraph') return [toString(node)]
  if (node.type === 'listItem') return [toString(node)]
  if ('children' in node) return (node.children as Nodes[]).flatMap(proseOf)
  return []
}

const markdown = new MarkdownIt()

/** The text a reader sees of a markdown note: as rendered, tags dropped. */
function rendered(note: string): string {
  return markdown
    .render(note)
    .replace(/<\/?(?:p|li|ul|ol|h\d|br|hr|blockquote)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Lower case, no markdown emphasis, no emoji, straight quotes, single spaces. */
function comparable(text: string): string {
  return normalize(
    text
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/[*_`]/g, '')
      .replace(/\p{Extended_Pictographic}/gu, ''),
  )
}

const sentences = guide.pages
  .flatMap((page) => proseOf(page.tree))
  .flatMap((text) => text.split(/(?<=[.!?])\s+/))
  .map(comparable)
  .filter((sentence) => sentence.length > 0)

describe('the deck covers the guide', () => {
  it('should name every section of every page of the guide on some slide', async () => {
    const slides = await deckSlides()
    const named = new Set<string>()
    for (const { page, section, slide } of slides) {
      if (section) named.add(`${page}#${section}`)
      for (const id of markupIds(slide.content)) {
        if (id.attribute === 'section') named.add(`${id.page}#${id.value}`)
      }
    }
    const sections = guide.pages.flatMap((page) =>
      sectionIds[page.id].map((section) => `${page.id}#${section}`),
    )
    expect([...named].sort()).toEqual(sections.sort())
  })

  it('should show every figure of the guide', async () => {
    const figures = new Set(
      (await deckSlides()).flatMap(({ slide }) =>
        markupIds(slide.content)
          .filter((id) => id.attribute === 'figure')
          .map((id) => `${id.page}#${id.value}`),
      ),
    )
    const all = guide.pages.flatMap((page) =>
      figureIds[page.id].map((figure) => `${page.id}#${figure}`),
    )
    expect([...figures].sort()).toEqual(all.sort())
  })

  it("should put every block of every section into some slide's notes", async () => {
    const slides = await deckSlides()
    for (const page of guide.pages) {
      for (const section of page.sections) {
        const notes = slides
          .filter((slide) => slide.page === page.id && slide.section === section.id)
          .map((slide) => rendered(slide.note ?? ''))
          .join(' ')
        for (const text of noteTexts(section)) {
          expect(normalize(notes), `section ${section.id}`).toContain(text)
        }
      }
    }
  })

  it("should paste no sentence of the guide's prose into slides.md", () => {
    const slides = comparable(readSlides())
    expect(sentences.length).toBeGreaterThan(10)
    const pasted = sentences.filter((sentence) => slides.includes(sentence))
    expect(pasted).toEqual([])
  })

  it("should title the deck with the guide's title", async () => {
    const [first] = await deckSlides()
    expect(first?.slide.frontmatter.title).toBe(guide.title)
  })

  it('should declare every component of the talk for the type-checker', () => {
    const declared = readFileSync(join(appDir, 'types/components.d.ts'), 'utf8')
    const components = readdirSync(join(appDir, 'components'))
      .filter((file) => file.endsWith('.vue'))
      .map((file) => file.slice(0, -'.vue'.length))
    expect(components.length).toBeGreaterThan(0)
    for (const name of components) {
      expect(declared).toContain(`${name}: typeof ${name}`)
    }
  })
})
