import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Link } from 'mdast'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadGuide, markdownFiles, type LoadedGuide } from '../src/guide/index.ts'

/**
 * The pages a folder lists and the links between them, in every form an author writes a
 * relative link: beside the page, with `./`, into a folder, out of one, with a query, a
 * fragment, an escaped name or a doubled slash; and the links that lead nowhere.
 */
let root: string
let docs: string
let loaded: LoadedGuide

const pages: Record<string, string> = {
  'index.md': [
    '# Home',
    '',
    '[a](guide.md) [b](./guide.md) [c](sub/deep.md) [d](sub//deep.md#deeper)',
    '[e](guide.md?tab=2#setup) [f](my%20notes.md) [g](#home) [h](Shout.MD)',
    '[i](missing.md) [j](../outside.md) [k](https://example.com/x.md) [l](/abs.md)',
    '[m](sub/../guide.md#setup) [n](guide.md#nowhere) [o](notes.txt)',
  ].join('\n'),
  'guide.md': '# Guide\n\n## Setup\n\n[back](index.md) [again](guide.md#setup)\n',
  'my notes.md': '# My notes\n',
  'Shout.MD': '# Shout\n',
  'sub/deep.md': '# Deep\n\n## Deeper\n\n[up](../index.md#home) [side](./deep.md#deeper)\n',
  'sub/.drafts/hidden.md': '# Hidden\n',
  '.private/hidden.md': '# Hidden\n',
  '.hidden.md': '# Hidden\n',
  'sub/notes.txt': 'Not a page.\n',
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-links-'))
  docs = join(root, 'docs')
  for (const [path, text] of Object.entries(pages)) {
    await mkdir(dirname(join(docs, path)), { recursive: true })
    await writeFile(join(docs, path), text)
  }
  loaded = await loadGuide(docs, { cwd: root })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Each link of the page `id`, with where it leads. */
function targets(id: string): [string, unknown][] {
  const page = loaded.guide?.pages.find((candidate) => candidate.id === id)
  expect(page, id).toBeDefined()
  const found: [string, unknown][] = []
  visit(page!.tree, 'link', (link: Link) => void found.push([link.url, link.data?.pageLink]))
  return found
}

describe('markdownFiles()', () => {
  test('should list every page but those in dot folders or named with a dot, sorted, with `/`', () => {
    expect(markdownFiles(docs)).toEqual([
      'Shout.MD',
      'guide.md',
      'index.md',
      'my notes.md',
      'sub/deep.md',
    ])
  })
})

describe('links between pages', () => {
  test('should lead each form of a relative link to its page and section', () => {
    expect(targets('index')).toEqual([
      ['guide.md', { page: 'guide', from: 'index' }],
      ['./guide.md', { page: 'guide', from: 'index' }],
      ['sub/deep.md', { page: 'sub/deep', from: 'index' }],
      ['sub//deep.md#deeper', { page: 'sub/deep', section: 'deeper', from: 'index' }],
      ['guide.md?tab=2#setup', { page: 'guide', section: 'setup', from: 'index' }],
      ['my%20notes.md', { page: 'my-notes', from: 'index' }],
      ['#home', { page: 'index', section: 'home', from: 'index' }],
      ['Shout.MD', { page: 'shout', from: 'index' }],
      ['missing.md', undefined],
      ['../outside.md', undefined],
      ['https://example.com/x.md', undefined],
      ['/abs.md', undefined],
      ['sub/../guide.md#setup', { page: 'guide', section: 'setup', from: 'index' }],
      ['guide.md#nowhere', { page: 'guide', from: 'index' }],
      ['notes.txt', undefined],
    ])
    expect(targets('sub/deep')).toEqual([
      ['../index.md#home', { page: 'index', section: 'home', from: 'sub/deep' }],
      ['./deep.md#deeper', { page: 'sub/deep', section: 'deeper', from: 'sub/deep' }],
    ])
    expect(targets('guide')).toEqual([
      ['index.md', { page: 'index', from: 'guide' }],
      ['guide.md#setup', { page: 'guide', section: 'setup', from: 'guide' }],
    ])
  })

  test('should report the links that lead to no page, out of the guide or to no section, where they are', () => {
    const file = loaded.files.find((candidate) => candidate.path === 'docs/index.md')
    expect(
      file?.messages.map(({ ruleId, line, column, reason }) => [ruleId, line, column, reason]),
    ).toEqual([
      ['link-page', 5, 1, 'The link to `missing.md` points to no page of the guide'],
      [
        'link-page',
        5,
        17,
        "The link to `../outside.md` leaves the guide's folder: link to a page of the guide, or write a full URL",
      ],
      [
        'link-anchor',
        6,
        28,
        'The link to `guide.md#nowhere` names `#nowhere`, which is no section or heading of page `guide` (guide.md); its sections: guide, setup',
      ],
    ])
  })
})
