import { getSection } from '@ai-engineer/content'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { noteTexts, normalize, sectionNote } from '../lib/notes.ts'
import { SlideContentError } from '../lib/slide-content.ts'
import { parseSlides } from './deck.ts'

/** A two-slide deck with `second` as the second slide's frontmatter and body. */
function deck(second: string): string {
  return ['---', 'title: Test', '---', '', '# One', '', '---', second].join('\n')
}

describe('presenter notes from the content package', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('should end the notes with a link to the section on the website when TALK_SITE_URL is set', async () => {
    const slide = 'page: intro\nsection: ai-scientists\n---\n\n# Two\n'
    const [, plain] = await parseSlides(deck(slide))
    expect(plain?.note).not.toContain('on the website')
    vi.stubEnv('TALK_SITE_URL', 'https://guide.example/ai-engineer/')
    const [, linked] = await parseSlides(deck(slide))
    expect(linked?.note?.trim().split('\n').at(-1)).toBe(
      '[Read this section on the website](https://guide.example/ai-engineer/intro/#ai-scientists)',
    )
    expect(normalize(linked?.note ?? '')).toContain(
      normalize(sectionNote(getSection('intro', 'ai-scientists'))),
    )
  })

  it("should turn a slide's section into notes with the section's prose", async () => {
    const [, slide] = await parseSlides(deck('page: intro\nsection: ai-scientists\n---\n\n# Two\n'))
    const note = normalize(slide?.note ?? '')
    expect(note).toBe(normalize(sectionNote(getSection('intro', 'ai-scientists'))))
    expect(note).toContain('AI Scientist')
    expect(note).toContain('the attention & prestige is nice')
  })

  it('should give a slide only the blocks it names', async () => {
    const [, slide] = await parseSlides(
      deck('page: intro\nsection: ai-engineers\nblocks: [6]\n---\n\n# Attributes\n'),
    )
    const note = normalize(slide?.note ?? '')
    for (const text of noteTexts(getSection('intro', 'ai-engineers'), [6])) {
      expect(note).toContain(text)
    }
    expect(note).not.toContain('unsung heros')
  })

  it('should keep images and emoji shortcodes out of the notes', () => {
    const note = sectionNote(getSection('intro', 'ai-engineers'))
    expect(note).not.toMatch(/<img|<figure|!\[/)
    expect(note).not.toContain(':wink:')
    expect(note).toContain('😉')
    expect(note).toContain('*Figure: The Hidden Debt in Machine Learning Systems.')
  })

  it("should keep notes written under a slide, after the guide's prose", async () => {
    const [, slide] = await parseSlides(
      deck('page: intro\nsection: not-convinced\n---\n\n# Two\n\n<!--\nAsk the room.\n-->\n'),
    )
    expect(slide?.note).toMatch(/^Still not convinced\?[\s\S]*\n\nAsk the room\.$/)
  })

  it('should leave a slide that names no section alone', async () => {
    const [, slide] = await parseSlides(deck('layout: end\n---\n\n# Two\n\n<!--\nBye.\n-->\n'))
    expect(slide?.note).toBe('Bye.')
  })

  it("should reject an unknown section id in a slide's frontmatter, naming its page", async () => {
    const parsing = parseSlides(deck('page: intro\nsection: ai-scientsts\n---\n\n# Two\n'))
    await expect(parsing).rejects.toThrow(SlideContentError)
    await expect(parsing).rejects.toThrow(
      /slides\.md, slide 2: unknown section id "ai-scientsts" in page "intro"; the page has: opening, /,
    )
  })

  it("should reject a section without its page, or an unknown page, in a slide's frontmatter", async () => {
    await expect(parseSlides(deck('section: ai-scientists\n---\n\n# Two\n'))).rejects.toThrow(
      /slides\.md, slide 2: a section needs a `page`/,
    )
    await expect(
      parseSlides(deck('page: outro\nsection: ai-scientists\n---\n\n# Two\n')),
    ).rejects.toThrow(/slides\.md, slide 2: unknown page id "outro"; the guide has: intro/)
  })

  it('should reject an unknown id in a component of a slide', async () => {
    await expect(
      parseSlides(
        deck('layout: diagram\n---\n\n<TalkFigure page="intro" figure="technical-dbt" />\n'),
      ),
    ).rejects.toThrow(/slide 2 <TalkFigure>: unknown figure id "technical-dbt" in page "intro"/)
    await expect(
      parseSlides(deck('---\n\n# <GuideTerm page="intro" section="ai-scientsts" />\n')),
    ).rejects.toThrow(/<GuideTerm>: unknown section id "ai-scientsts" in page "intro"/)
    await expect(
      parseSlides(deck('---\n\n# <GuideTerm section="ai-scientists" />\n')),
    ).rejects.toThrow(/<GuideTerm>: a section needs a `page`/)
  })

  it('should reject blocks that the section does not have', async () => {
    await expect(
      parseSlides(deck('page: intro\nsection: ai-scientists\nblocks: [3]\n---\n\n# Two\n')),
    ).rejects.toThrow(/`blocks` must list block indexes of section "ai-scientists", 0 to 0/)
  })

  it('should reject blocks without a section', async () => {
    await expect(parseSlides(deck('blocks: [0]\n---\n\n# Two\n'))).rejects.toThrow(
      /`blocks` needs a `section`/,
    )
  })
})
