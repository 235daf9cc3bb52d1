import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { guide } from '@ai-engineer/content'
import { getDerivedPage } from '@ai-engineer/content/derived'
import { parseGuide } from '@ai-engineer/content/parse'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'

const require = createRequire(import.meta.url)
const read = (subpath: string): string =>
  readFileSync(require.resolve(`@ai-engineer/content/${subpath}`), 'utf8')

describe('llms.txt', () => {
  const text = read('llms.txt')
  const lines = text.split('\n')

  test('should follow the llmstxt.org format: a title, a summary, then link lists', () => {
    expect(lines[0]).toBe(`# ${guide.title}`)
    expect(lines[1]).toBe('')
    expect(lines[2]).toMatch(/^> \S/)
    // Only the title is an h1; every other heading is an h2 that opens a list of links.
    expect(lines.filter((line) => /^# /.test(line))).toHaveLength(1)
    const sections = text.split(/^## /m).slice(1)
    expect(sections.map((section) => section.split('\n')[0])).toEqual(['Pages', 'Optional'])
    for (const section of sections) {
      const items = section.split('\n').filter((line) => line.startsWith('- '))
      expect(items.length).toBeGreaterThan(0)
      for (const item of items) expect(item).toMatch(/^- \[[^\]]+\]\([^)\s]+\)(: .+)?$/)
    }
  })

  test('should link every page to its plain markdown, which ships in the package', () => {
    for (const page of guide.pages) {
      const derived = getDerivedPage(page.id)
      expect(text).toContain(
        `- [${page.title}](llms/${page.id}.md): ${derived.words} words, about ${derived.readingMinutes} min;`,
      )
      expect(read(`llms/${page.id}.md`).length).toBeGreaterThan(0)
    }
    expect(text).toContain('(llms-full.txt)')
  })
})

describe('the guide as plain markdown', () => {
  const markdown = read('llms/intro.md')

  test('should hold no HTML, shortcodes or ids, and show figures as images with captions', () => {
    expect(markdown).not.toMatch(/<[a-z]|:wink:|user-content-|__/)
    expect(markdown).toContain(
      '![The Hidden Debt in Machine Learning Systems.](https://github.com/mapattacker/ai-engineer/blob/master/images/technical_debt.png?raw=true)',
    )
    expect(markdown).toContain('[Source](https://martinfowler.com/articles/cd4ml.html/)')
    expect(markdown).toContain('do transfer learning too. 😉')
  })

  test('should parse back into the same prose', async () => {
    const page = await parseGuide(`---\nid: intro\ntitle: Intro\n---\n\n${markdown}`, {
      path: 'llms/intro.md',
    })
    const flat = (value: string) => value.replace(/\s+/g, ' ').trim()
    const reparsed = flat(toString(page.tree))
    const pieces: string[] = []
    visit(guide.pages[0]!.tree, (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'figure') {
        pieces.push(flat(toString(node)))
      }
    })
    expect(pieces.length).toBeGreaterThanOrEqual(12)
    for (const piece of pieces) expect(reparsed).toContain(piece)
    expect(read('llms-full.txt')).toContain(markdown)
  })
})
