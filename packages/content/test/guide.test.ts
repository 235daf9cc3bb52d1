import { readFileSync } from 'node:fs'
import {
  figureIds,
  getFigure,
  getPage,
  getSection,
  guide,
  pageIds,
  sectionIds,
} from '@ai-engineer/content'
import type { Nodes } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'

const seed = readFileSync(new URL('../guide/intro.md', import.meta.url), 'utf8').replace(
  /^---\n[\s\S]*?\n---\n/,
  '',
)
const page = getPage('intro')

/** Every word of a tree, in document order: text, emoji names, figure captions and sources. */
function words(tree: Nodes): string[] {
  const parts: string[] = []
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value)
    if (node.type === 'emoji') parts.push(` ${node.name} `)
    if (node.type === 'figure' && node.source) {
      // The source link closes the caption: queue it after the caption's text.
      const after = node.source.label
      visit(node, (child) => {
        if (child.type === 'text') parts.push(child.value)
      })
      parts.push(` ${after} `)
      return 'skip'
    }
    return undefined
  })
  return tokens(parts.join(' '))
}

function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []
}

describe('the compiled guide', () => {
  test('should have the guide’s title and one page, intro', () => {
    expect(guide.title).toBe('So You Wana Be an AI Engineer?')
    expect(pageIds).toEqual(['intro'])
    expect(guide.pages.map((item) => item.id)).toEqual(['intro'])
    expect(page.title).toBe('So You Wana Be an AI Engineer?')
    expect(page.source).toBe('https://github.com/mapattacker/ai-engineer')
    expect(page.author).toEqual({ name: 'mapattacker', url: 'https://github.com/mapattacker' })
  })

  test('should split the page into the four sections between its <hr> breaks', () => {
    expect(sectionIds).toEqual({
      intro: ['opening', 'ai-scientists', 'ai-engineers', 'not-convinced'],
    })
    expect(page.tree.children.map((node) => node.type)).toEqual(Array(4).fill('section'))
    expect(page.sections).toBe(page.tree.children)
    expect(getSection('intro', 'opening').children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
    ])
    expect(getSection('intro', 'ai-scientists').children.map((node) => node.type)).toEqual([
      'paragraph',
    ])
    expect(getSection('intro', 'ai-engineers').children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
      'figure',
      'paragraph',
      'list',
      'paragraph',
    ])
    expect(getSection('intro', 'not-convinced').children.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
    ])
  })

  test('should turn both raw <figure> blocks into figure nodes with captions and sources', () => {
    expect(figureIds).toEqual({ intro: ['technical-debt', 'cd4ml-end-to-end'] })
    expect(page.figures.map((node) => node.id)).toEqual(['technical-debt', 'cd4ml-end-to-end'])
    expect(getFigure('intro', 'technical-debt')).toEqual({
      type: 'figure',
      id: 'technical-debt',
      src: 'https://github.com/mapattacker/ai-engineer/blob/master/images/technical_debt.png?raw=true',
      alt: 'The Hidden Debt in Machine Learning Systems.',
      source: {
        url: 'https://wiki.esipfed.org/w/images/5/5f/NIPS-5656-hidden-technical-debt-in-machine-learning-systems.pdf',
        label: 'Source',
      },
      children: [{ type: 'text', value: 'The Hidden Debt in Machine Learning Systems.' }],
    })
    expect(getFigure('intro', 'cd4ml-end-to-end')).toMatchObject({
      src: 'https://github.com/mapattacker/ai-engineer/blob/master/images/cd4ml-end-to-end.png?raw=true',
      source: { url: 'https://martinfowler.com/articles/cd4ml.html/', label: 'Source' },
      children: [{ type: 'text', value: 'Machine Learning Life Cycle.' }],
    })
  })

  test('should turn :wink: and :grinning: into emoji nodes', () => {
    const emoji: unknown[] = []
    visit(page.tree, 'emoji', (node) => {
      emoji.push(node)
    })
    expect(emoji).toEqual([
      { type: 'emoji', name: 'wink', value: '😉' },
      { type: 'emoji', name: 'grinning', value: '😀' },
    ])
  })

  test('should keep the four attributes as a four-item list', () => {
    const list = getSection('intro', 'ai-engineers').children.find((node) => node.type === 'list')
    expect(list?.type).toBe('list')
    const items = list?.type === 'list' ? list.children : []
    expect(items.map((item) => words(item).join(' '))).toEqual([
      'An incredible intolerance for slobby work',
      'Great organizational abilities',
      'A demand for reproducible work with strong documentation',
      'A strong focus on the security and reliability and know how to balance both',
    ])
  })

  test('should leave no html node, no thematic break and no position in the tree', () => {
    const types = new Set<string>()
    let positions = 0
    visit(page.tree, (node) => {
      types.add(node.type)
      if (node.position) positions++
    })
    expect(types.has('html')).toBe(false)
    expect(types.has('thematicBreak')).toBe(false)
    expect(types.has('yaml')).toBe(false)
    expect(positions).toBe(0)
  })

  test('should hold every word of the guide’s prose, in order', () => {
    const expected = tokens(
      seed
        .replace(/<[^>]+>/g, ' ')
        .replace(/:([a-z_]+):/g, ' $1 ')
        .replace(/__/g, ''),
    )
    expect(expected.length).toBeGreaterThan(300)
    expect(words(page.tree)).toEqual(expected)
  })

  test('should give the heading a slug id', () => {
    const heading = getSection('intro', 'opening').children[0]
    expect(heading?.type === 'heading' && heading.data?.id).toBe('so-you-wana-be-an-ai-engineer')
  })

  test('should throw a RangeError naming the known ids for an unknown id', () => {
    // @ts-expect-error: not a section id
    expect(() => getSection('intro', 'not-a-section')).toThrow(
      /Unknown section id `not-a-section` in page `intro`; known: opening/,
    )
    // @ts-expect-error: a section id of a page that does not exist
    expect(() => getSection('nope', 'opening')).toThrow(/Unknown page id `nope`; known: intro/)
    // @ts-expect-error: not a figure id
    expect(() => getFigure('intro', 'nope')).toThrow(RangeError)
    // @ts-expect-error: not a page id
    expect(() => getPage('nope')).toThrow(RangeError)
  })
})
