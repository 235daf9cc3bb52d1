/**
 * What a guide takes from its `mkdocs.yml`: `site_name` (its title), `docs_dir` (where
 * its pages are, `docs` by default), `nav` (page order, page titles, groups nested to any
 * depth, external links) and `strict`. Every other key is ignored, and mkdocs' own YAML
 * tags (`!!python/name:…`, `!ENV`) are read without a word: their values are never used.
 */
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { report } from '../report/index.js'

/** An entry of `nav` as written, with where it stands in `mkdocs.yml`. */
export type NavEntry =
  | { kind: 'page'; title: string | undefined; file: string; place: Point }
  | { kind: 'link'; title: string; url: string; place: Point }
  | { kind: 'group'; title: string; children: NavEntry[]; place: Point }

/** What `mkdocs.yml` says. */
export interface MkdocsConfig {
  siteName: string | undefined
  /** The folder of the pages, relative to `mkdocs.yml`. */
  docsDir: string
  /** The nav as written, or `undefined` when there is none. */
  nav: NavEntry[] | undefined
  /** Where `nav` stands, for messages about it. */
  navPlace: Point
  strict: boolean | undefined
}

/** A URL in the nav (not a page): it has a scheme, or starts with `/`. */
const external = /^(?:[a-z][a-z\d+.-]*:|\/)/i

/** Read `file` (an `mkdocs.yml`), reporting what is wrong at its line and column. */
export function readMkdocs(file: VFile): MkdocsConfig {
  const lineCounter = new LineCounter()
  // mkdocs' tags (`!!python/name:…`) do not resolve here; `error` keeps their warnings quiet.
  const document = parseDocument(String(file.value), {
    lineCounter,
    logLevel: 'error',
    prettyErrors: false,
  })
  const at = (node: YamlNode | null | undefined): Point => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0)
    return { line, column: col }
  }
  const config: MkdocsConfig = {
    siteName: undefined,
    docsDir: 'docs',
    nav: undefined,
    navPlace: { line: 1, column: 1 },
    strict: undefined,
  }
  for (const error of document.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0])
    report(
      file,
      `Invalid YAML: ${error.message.split('\n')[0]}`,
      { line, column: col },
      'mkdocs-yaml',
    )
  }
  if (document.errors.length > 0) return config
  const root = document.contents
  if (!isMap(root)) {
    report(file, '`mkdocs.yml` must be a mapping (`key: value` lines)', at(root), 'mkdocs-yaml')
    return config
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value as YamlNode | null
    const text = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined
    if (key === 'site_name' && text) config.siteName = text
    else if (key === 'docs_dir' && text) config.docsDir = text
    else if (key === 'strict' && isScalar(value) && typeof value.value === 'boolean') {
      config.strict = value.value
    } else if (key === 'nav') {
      config.navPlace = at(pair.key as YamlNode)
      if (isSeq(value)) config.nav = readEntries(value.items as YamlNode[], file, at)
      else report(file, '`nav` must be a list of entries', at(value), 'mkdocs-nav')
    }
  }
  return config
}

function readEntries(
  items: readonly YamlNode[],
  file: VFile,
  at: (node: YamlNode | null | undefined) => Point,
): NavEntry[] {
  const entries: NavEntry[] = []
  for (const item of items) {
    const entry = readEntry(item, file, at)
    if (entry) entries.push(entry)
  }
  return entries
}

/** `- file.md`, `- Title: file.md`, `- Title: https://…`, `- Group: [entries]`. */
function readEntry(
  item: YamlNode,
  file: VFile,
  at: (node: YamlNode | null | undefined) => Point,
): NavEntry | undefined {
  const place = at(item)
  if (isScalar(item) && typeof item.value === 'string') {
    const target = item.value.trim()
    if (external.test(target)) return { kind: 'link', title: target, url: target, place }
    return { kind: 'page', title: undefined, file: target, place }
  }
  if (isMap(item) && item.items.length === 1) {
    const [pair] = item.items
    const title = isScalar(pair!.key) ? String(pair!.key.value).trim() : ''
    const value = pair!.value as YamlNode | null
    if (title !== '' && isScalar(value) && typeof value.value === 'string') {
      const target = value.value.trim()
      if (external.test(target)) return { kind: 'link', title, url: target, place }
      return { kind: 'page', title, file: target, place }
    }
    if (title !== '' && isSeq(value)) {
      return {
        kind: 'group',
        title,
        children: readEntries(value.items as YamlNode[], file, at),
        place,
      }
    }
  }
  report(
    file,
    'A `nav` entry is a page (`file.md` or `Title: file.md`), a link (`Title: https://…`) or a group (`Title:` and a list of entries)',
    place,
    'mkdocs-nav',
  )
  return undefined
}
