// GFM's literal autolinks are left out of a page's parse when they cannot change its
// tree: these tests hold the trees to those of a parse that always has them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { guideProcessor } from '@ai-engineer/content/parse'
import type { Link, Nodes, Root } from 'mdast'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { describe, expect, test } from 'vitest'
import { parseSparingLiterals } from '../src/parse/remark-guide-gfm.ts'

const processor = guideProcessor().freeze()
const data = processor.data()
const syntax = data.micromarkExtensions ?? []
const trees = (data.fromMarkdownExtensions ?? []).flat()
const literals = data.guideLiteralAutolinks

/** Parse as the guide's parser does; `withLiterals` tells, for each parse, whether it had them. */
function parse(document: string): { tree: Root; withLiterals: boolean[] } {
  const withLiterals: boolean[] = []
  const tree = parseSparingLiterals(document, { syntax, trees }, literals, (text, use) => {
    withLiterals.push(literals !== undefined && use.syntax.includes(literals.syntax))
    return fromMarkdown(text, { extensions: [...use.syntax], mdastExtensions: [...use.trees] })
  })
  return { tree, withLiterals }
}

/**
 * The tree of a parse that always has GFM's literal autolinks: their syntax, and their
 * tree pass as mdast-util-gfm-autolink-literal gives it, run on every tree.
 */
function always(document: string): Root {
  const plain = trees.map((extension) =>
    extension === literals?.tree ? gfmAutolinkLiteralFromMarkdown() : extension,
  )
  return fromMarkdown(document, { extensions: [...syntax], mdastExtensions: plain })
}

function links(tree: Nodes): string[] {
  const found: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'link') found.push((node as Link).url)
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return found
}

/** Pieces around and inside which a literal may or may not start. */
const pieces = [
  'www.example.com',
  'WWW.Example.COM/path_(x)',
  'https://example.com/a?b=c.',
  'HTTP://EXAMPLE.COM',
  'me@example.com',
  'a.b-c+d@sub.example.org.',
  'mailto:me@example.com',
  'xmpp:me@example.com/home',
  '@decorator',
  'foo@bar',
  '[a link](https://example.com/docs "www.title.com")',
  '<https://example.com/angle>',
  '<me@example.com>',
  '`www.in-code.com`',
  '![alt with www.example.com](img.png)',
  '<span title="me@example.com">x</span>',
  '[ref][www.example.com]',
  '[^www.note]',
  '~~www.struck.com~~',
  '_me@example.com_',
  'a+_b_@example.com',
  '*https://example.com*',
  'www&#46;example.com',
  'me&#64;example.com',
  'www\\.escaped.com',
  'www',
  '.example.com',
  'http:',
  '//example.com',
  'plain words',
  ':smile:',
]
const separators = [
  ...[' ', '\n', '', '*', '_', '~', '(', ')', '|', '\n\n', ' | ', '\n> ', '\n- '],
  ...['[', ']', '](x.md)', '][ref]', '<', '>', '`', '![', '\\', '&amp;', '\n\n[ref]: ', '\n# '],
]

/** A seeded generator (mulberry32), so every run tries the same documents. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function generated(count: number): string[] {
  const next = random(23)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return Array.from({ length: count }, () => {
    let document = ''
    const length = 2 + Math.floor(next() * 6)
    for (let index = 0; index < length; index++) document += pick(separators) + pick(pieces)
    return document
  })
}

/** Every markdown page of the test corpora and the shipped guide. */
function corpus(): Array<[string, string]> {
  const pages: Array<[string, string]> = []
  for (const folder of ['fixtures', 'hostile']) {
    const root = new URL(`${folder}/`, import.meta.url)
    for (const name of readdirSync(root)) {
      const file = new URL(`${name}/input.md`, root)
      if (existsSync(file)) pages.push([`${folder}/${name}`, readFileSync(file, 'utf8')])
    }
  }
  pages.push([
    'guide/intro.md',
    readFileSync(new URL('../guide/intro.md', import.meta.url), 'utf8'),
  ])
  return pages
}

describe('literal autolinks, left out where they change nothing', () => {
  test('should find the syntax to leave out in the parser of the guide', () => {
    expect(syntax).toContain(literals?.syntax)
    expect(trees).toContain(literals?.tree)
  })

  test.each(corpus())('should give %s the tree of a parse with them', (_name, document) => {
    expect(parse(document).tree).toEqual(always(document))
  })

  test('should give 400 generated documents the tree of a parse with them', () => {
    const documents = generated(400)
    const differ = documents.filter((document) => {
      try {
        const expected = always(document)
        expect(parse(document).tree).toEqual(expected)
        // The guide's own parser, as its processor runs it.
        expect(processor.parse(document)).toEqual(expected)
        return false
      } catch {
        return true
      }
    })
    expect(differ.map((document) => JSON.stringify(document))).toEqual([])
    // The documents try every path: parsed once without them, once with, and again.
    const paths = new Set(documents.map((document) => parse(document).withLiterals.join()))
    expect([...paths].sort()).toEqual(['false', 'false,true'])
  })

  test('should parse a page once, without them, when its URLs are in links only', () => {
    const document =
      'See [the docs](https://example.com/docs), <https://example.com>, `www.code.com`\n' +
      'and ![a figure of www.example.com](img.png).\n\n[docs]: https://example.com/more\n'
    const { tree, withLiterals } = parse(document)
    expect(withLiterals).toEqual([false])
    expect(links(tree)).toEqual(['https://example.com/docs', 'https://example.com'])
  })

  test('should parse a page once, without them, when it has nothing a literal needs', () => {
    expect(
      parse('# Title\n\nPlain words, *emphasis* and a [link](other.md).\n').withLiterals,
    ).toEqual([false])
  })

  test('should parse a page again, with them, when its text may hold one', () => {
    const { tree, withLiterals } = parse('Write to me@example.com or visit www.example.com.\n')
    expect(withLiterals).toEqual([false, true])
    expect(links(tree)).toEqual(['mailto:me@example.com', 'http://www.example.com'])
  })

  test('should still link a literal written with a character reference (the tree pass)', () => {
    const { tree, withLiterals } = parse('Visit www&#46;example.com today.\n')
    expect(withLiterals).toEqual([false])
    expect(links(tree)).toEqual(['http://www.example.com'])
  })
})
