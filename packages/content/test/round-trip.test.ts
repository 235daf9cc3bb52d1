import { readFileSync } from 'node:fs'
import { getPage, getSection } from '@ai-engineer/content'
import { toMarkdown } from '@ai-engineer/content/markdown'
import { parseGuide } from '@ai-engineer/content/parse'
import { describe, expect, test } from 'vitest'
import { bare, fixtures, validFixtures as cases } from './helpers.ts'

describe('toMarkdown', () => {
  test('should round-trip the compiled guide: parse(toMarkdown(page)) gives the same page', async () => {
    const page = getPage('intro')
    const again = await parseGuide(toMarkdown(page), { path: 'intro.md' })
    expect(bare(again.tree)).toEqual(bare(page.tree))
    expect([again.id, again.title, again.source, again.author]).toEqual([
      page.id,
      page.title,
      page.source,
      page.author,
    ])
  })

  test('should round-trip a bare tree, writing its section ids as frontmatter', async () => {
    const page = getPage('intro')
    const markdown = toMarkdown(page.tree)
    expect(markdown.startsWith('---\nsections:\n  - opening\n')).toBe(true)
    const again = await parseGuide(markdown)
    expect(bare(again.tree)).toEqual(bare(page.tree))
  })

  test.each(cases)('should round-trip the %s fixture', async (name) => {
    const input = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8')
    const page = await parseGuide(input, { path: `${name}/input.md` })
    const again = await parseGuide(toMarkdown(page), { path: `${name}/input.md` })
    expect(bare(again.tree)).toEqual(bare(page.tree))
    expect(again.title).toBe(page.title)
  })

  test('should write our nodes as the markdown authors write', () => {
    const markdown = toMarkdown(getSection('intro', 'ai-engineers'))
    expect(markdown).toContain('too. :wink:')
    expect(markdown).toContain(
      [
        '<figure id="technical-debt">',
        '  <img src="https://github.com/mapattacker/ai-engineer/blob/master/images/technical_debt.png?raw=true" alt="The Hidden Debt in Machine Learning Systems." />',
        '  <figcaption>The Hidden Debt in Machine Learning Systems. <a href="https://wiki.esipfed.org/w/images/5/5f/NIPS-5656-hidden-technical-debt-in-machine-learning-systems.pdf">Source</a></figcaption>',
        '</figure>',
      ].join('\n'),
    )
  })

  test('should escape markup-like text in captions and attributes', async () => {
    const page = await parseGuide(
      '# T\n\n<figure><img src="a.png" alt="a &quot;quoted&quot; &lt;b&gt;"><figcaption>x &lt;script&gt; &amp; y</figcaption></figure>\n',
    )
    const again = await parseGuide(toMarkdown(page))
    expect(bare(again.tree)).toEqual(bare(page.tree))
    expect(page.figures[0]?.alt).toBe('a "quoted" <b>')
  })
})
