import { readFileSync } from 'node:fs'
import { guideProcessor, parseGuide } from '@ai-engineer/content/parse'
import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'

const body = readFileSync(new URL('../guide/intro.md', import.meta.url), 'utf8').replace(
  /^---\n[\s\S]*?\n---\n/,
  '',
)

/** Things a chunker could cut wrongly: breaks and headings inside code, comments and HTML. */
const traps = [
  '```md\n\n---\n\n# not a heading\n\n```',
  '~~~~\n\n***\n~~~\n\n## still code\n~~~~',
  '<!-- a comment\n\n---\n\n# inside the comment\n-->',
  '> quoted\n\n---',
  '* item\n\n  ---\n\n  continued',
  'Setext heading\n---',
  '    indented code\n\n    ---',
]

function bigGuide(copies: number, newline = '\n'): string {
  const parts = ['---\ntitle: Big\n---\n']
  for (let index = 0; index < copies; index++) {
    parts.push(body.replace('# So You Wana Be an AI Engineer?', `# Part ${index}`))
    parts.push(traps[index % traps.length]!)
    parts.push('<hr>')
  }
  return parts.join('\n\n').replace(/\n/g, newline)
}

/** The tree of `markdown` parsed at once: no guide is long enough to be cut. */
async function wholeDocument(markdown: string): Promise<Root> {
  const processor = guideProcessor({ chunkLength: Number.POSITIVE_INFINITY })
  const file = new VFile({ value: markdown, path: 'big.md' })
  return (await processor.run(processor.parse(file), file)) as Root
}

describe('parsing long guides in chunks', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])(
    'should give the same tree, positions included, as parsing at once (%s)',
    async (_name, newline) => {
      const markdown = bigGuide(130, newline)
      expect(markdown.length).toBeGreaterThan(300_000)
      const page = await parseGuide(markdown, { path: 'big.md' })
      expect(page.tree).toEqual(await wholeDocument(markdown))
      expect(page.sections.length).toBeGreaterThan(400)
    },
  )

  test('should parse a guide with reference definitions at once, so they resolve across chunks', async () => {
    const markdown = `${bigGuide(60)}\n\nSee [the source][src].\n\n[src]: https://example.com/source\n`
    const page = await parseGuide(markdown)
    const last = page.sections.at(-1)!
    expect(JSON.stringify(last)).toContain('"url":"https://example.com/source"')
    expect(page.tree).toEqual(await wholeDocument(markdown))
  })
})
