import { guide, sectionIds } from '@ai-engineer/content'
import {
  derivePage,
  derivedPages,
  excerptLength,
  getDerivedPage,
  wordsPerMinute,
} from '@ai-engineer/content/derived'
import { parseGuide } from '@ai-engineer/content/parse'
import { searchDocuments, searchFields } from '@ai-engineer/content/search'
import MiniSearch from 'minisearch'
import { describe, expect, test } from 'vitest'

describe('derived data', () => {
  const intro = getDerivedPage('intro')

  test('should hold one entry per page, in order', () => {
    expect(derivedPages.map((page) => page.id)).toEqual(guide.pages.map((page) => page.id))
    expect(intro.title).toBe('So You Wana Be an AI Engineer?')
  })

  test("should give the page's table of contents", () => {
    expect(intro.toc).toEqual([
      {
        id: 'so-you-wana-be-an-ai-engineer',
        depth: 1,
        text: 'So You Wana Be an AI Engineer?',
        url: '#user-content-so-you-wana-be-an-ai-engineer',
        children: [],
      },
    ])
  })

  test('should nest headings by depth, in a page parsed at run time', async () => {
    const page = await parseGuide(
      '# Top\n\nIntro.\n\n## One\n\nText.\n\n### One a\n\nMore.\n\n## Two\n\nEnd.\n',
      { path: 'nested.md' },
    )
    const entry = (id: string, depth: 1 | 2 | 3, text: string, children: unknown[] = []) => ({
      id,
      depth,
      text,
      url: `#user-content-${id}`,
      children,
    })
    expect(derivePage(page).toc).toEqual([
      entry('top', 1, 'Top', [
        entry('one', 2, 'One', [entry('one-a', 3, 'One a')]),
        entry('two', 2, 'Two'),
      ]),
    ])
  })

  test('should count the words of the prose and give a reading time', () => {
    // Counted from guide/intro.md, tags, shortcodes and the "Source" labels left out.
    expect(intro.sections.map((section) => section.words)).toEqual([20, 45, 171, 63])
    expect(intro.words).toBe(299)
    expect(intro.readingMinutes).toBe(Math.ceil(299 / wordsPerMinute))
  })

  test('should give each section its plain text and a short excerpt cut between words', () => {
    expect(intro.sections.map((section) => section.id)).toEqual([...sectionIds.intro])
    const engineers = intro.sections[2]!
    expect(engineers.text).toContain(
      'An incredible intolerance for slobby work\nGreat organizational abilities',
    )
    expect(engineers.text).toContain('The Hidden Debt in Machine Learning Systems.')
    expect(engineers.text).not.toMatch(/Source|<|__|:wink:/)
    for (const section of intro.sections) {
      expect(section.excerpt.length).toBeLessThanOrEqual(excerptLength)
      expect(section.text.replace(/\s+/g, ' ')).toContain(section.excerpt.replace(/…$/, ''))
    }
    expect(engineers.excerpt).toBe(
      'AI Engineers though, are the unsung heros. They understand modelling, they understand software engineering, and heck, they know how to do almost anything…',
    )
    expect(intro.sections[0]!.excerpt).toBe(
      'So You Wana Be an AI Engineer? Ok, I think most people do not aspire to be an AI Engineer.',
    )
  })
})

describe('search documents', () => {
  test('should be one document per section, carrying its page in its id and url', () => {
    expect(searchDocuments.map((document) => document.section)).toEqual([...sectionIds.intro])
    expect(searchDocuments[3]).toEqual({
      id: 'intro#not-convinced',
      page: 'intro',
      section: 'not-convinced',
      title: 'Still not convinced?',
      text: expect.stringContaining("they still want to wear their fancy scientists' hats. 😀"),
      url: 'intro/#user-content-not-convinced',
    })
  })

  test('should find sections with MiniSearch', () => {
    const index = new MiniSearch({ fields: [...searchFields], storeFields: ['title', 'url'] })
    index.addAll(searchDocuments)
    expect(index.search('deployment').map((result) => result.id)).toEqual(['intro#ai-engineers'])
    const hats = index.search('fancy hats')
    expect(hats[0]?.id).toBe(searchDocuments.at(-1)?.id)
    expect(hats[0]?.url).toBe('intro/#user-content-not-convinced')
    expect(index.search('zeppelin')).toEqual([])
  })
})
