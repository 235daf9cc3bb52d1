import { parseGuide } from '@ai-engineer/content/parse'
import { describe, expect, test } from 'vitest'
import { bytes, tree } from './helpers.ts'

describe('input as bytes', () => {
  test('should give the same tree from UTF-8 bytes as from text, a BOM dropped', async () => {
    const text = '# Café\n\nÀ bientôt :wink:\n'
    const fromText = await parseGuide(text, { path: 'a.md' })
    const fromBytes = await parseGuide(bytes([0xef, 0xbb, 0xbf], text), { path: 'a.md' })
    expect(fromBytes.tree).toEqual(fromText.tree)
  })

  test('should accept U+FFFD in text: decoding is the caller’s, and it already happened', async () => {
    expect(await tree('# A \uFFFD\n')).toMatchObject({
      children: [{ children: [{ children: [{ value: 'A \uFFFD' }] }] }],
    })
  })

  test('should check maxBytes on the bytes, before decoding', async () => {
    await expect(
      parseGuide(bytes('# Page\n\n', [0xff]), { path: 'big.md', maxBytes: 4 }),
    ).rejects.toThrow('big.md:1:1: Guide is 9 bytes, over the limit of 4')
  })
})

describe('limits', () => {
  const quotes = (depth: number): string => `# Page\n\n${'>'.repeat(depth)} deep\n`

  test('should take maxNesting, before parsing (block quotes and lists)', async () => {
    await expect(parseGuide(quotes(150), { maxNesting: 150 })).resolves.toBeDefined()
    await expect(parseGuide(quotes(4), { path: 'q.md', maxNesting: 3 })).rejects.toThrow(
      'q.md:3:4: Block quotes and lists nest more than 3 levels deep here: flatten them, or raise `maxNesting`',
    )
  })

  test('should take maxNesting, after parsing (emphasis and links)', async () => {
    const markdown = '# Page\n\nSome *em **strong [link *deep*](https://example.com)** x* text.\n'
    await expect(parseGuide(markdown, { maxNesting: 4 })).resolves.toBeDefined()
    await expect(parseGuide(markdown, { path: 'e.md', maxNesting: 3 })).rejects.toThrow(
      'e.md:3:25: Markup nests more than 3 levels deep here',
    )
  })

  test('should count list items nested by indentation, and not lazy lines', async () => {
    const staircase = '# Page\n\n- a\nlazy\n  - b\nlazy\n    - c\n'
    await expect(parseGuide(staircase, { path: 's.md', maxNesting: 2 })).rejects.toThrow(
      's.md:7:5: Block quotes and lists nest more than 2 levels',
    )
    await expect(parseGuide(staircase, { maxNesting: 3 })).resolves.toBeDefined()
  })

  test('should skip fenced code and frontmatter when counting', async () => {
    const markdown = `---\ntitle: Code\nx: ${'['.repeat(30)}${']'.repeat(30)}\n---\n\n\`\`\`\n${'> '.repeat(30)}\n${'*_'.repeat(30)}\n\`\`\`\n`
    await expect(parseGuide(markdown, { maxNesting: 5, maxDelimiters: 10 })).resolves.toBeDefined()
  })

  test('should take maxDelimiters, counted per paragraph', async () => {
    const markdown = '# Page\n\n*a* *b* *c*\n\n*d* *e*\n'
    await expect(parseGuide(markdown, { maxDelimiters: 6 })).resolves.toBeDefined()
    await expect(parseGuide(markdown, { path: 'd.md', maxDelimiters: 5 })).rejects.toThrow(
      'd.md:3:11: Paragraph holds more than 5 emphasis and link delimiters',
    )
  })

  test('should count each item of a tight list, and each heading, on its own', async () => {
    const markdown = '# *Page* _x_\n- *a* *b*\n- *c* *d*\n* [e](f) *g*\n'
    await expect(parseGuide(markdown, { maxDelimiters: 4 })).resolves.toBeDefined()
  })

  test('should count lines that cannot start an item with the paragraph before', async () => {
    // `2.` cannot interrupt a paragraph, and an indented `-` is paragraph text.
    const markdown = '# Page\n\nText *a*\n2. *b*\n    - *c*\n'
    await expect(parseGuide(markdown, { path: 'p.md', maxDelimiters: 5 })).rejects.toThrow(
      'p.md:5:9: Paragraph holds more than 5',
    )
  })
})
