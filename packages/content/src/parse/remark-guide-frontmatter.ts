import { slug } from 'github-slugger'
import type { Root, Yaml } from 'mdast'
import type { Plugin } from 'unified'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml'
import { isSafeUrl } from '../runtime/index.js'
import { report } from '../report/index.js'
import type { GuideAuthor } from '../types.js'

/** Options of {@link remarkGuideFrontmatter}: none yet. */
export interface FrontmatterOptions {}

/** What a page's frontmatter may say. */
export interface GuideMeta {
  id?: string | undefined
  title?: string | undefined
  /** Section ids, in order; validated against the page by `remarkGuideSections`. */
  sections?: string[] | undefined
  /** Where the page's `sections` list stands, for errors about it. */
  sectionsPlace?: Point | undefined
  source?: string | undefined
  author?: GuideAuthor | undefined
}

declare module 'vfile' {
  interface DataMap {
    /** The page's frontmatter, validated (set by `remarkGuideFrontmatter`). */
    guideMeta: GuideMeta
  }
}

/**
 * Whether `id` is a slug as GitHub makes them (`ai-engineers`): slugging it
 * again changes nothing. Derived ids are such slugs, so what `toMarkdown`
 * writes back into frontmatter is always valid.
 */
export function isSlug(id: string): boolean {
  return id !== '' && slug(id) === id
}

const knownKeys = new Set(['id', 'title', 'sections', 'source', 'author'])

/**
 * Lift a page's YAML frontmatter into `file.data.guideMeta` and remove the
 * `yaml` node. Every field is checked; a problem is an error at its line and
 * column in the markdown file.
 */
const remarkGuideFrontmatter: Plugin<[(Readonly<FrontmatterOptions> | null | undefined)?], Root> =
  function () {
    return function (tree, file) {
      const meta: GuideMeta = {}
      file.data.guideMeta = meta
      const index = tree.children.findIndex((node) => node.type === 'yaml')
      if (index === -1) return
      const node = tree.children[index] as Yaml
      tree.children.splice(index, 1)
      readMeta(node, file, meta)
    }
  }

export default remarkGuideFrontmatter

function readMeta(node: Yaml, file: VFile, meta: GuideMeta): void {
  const lineCounter = new LineCounter()
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false })
  const startLine = node.position?.start.line ?? 1
  // The YAML starts on the line after the opening `---`.
  const at = (offset: number | undefined): Point => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return { line: startLine + line, column: col }
  }
  const placeOf = (value: YamlNode | null | undefined): Point => at(value?.range?.[0])

  if (document.errors.length > 0) {
    // The YAML parser gives up on deep nesting where its stack ran out, which varies from run
    // to run: report that once, at the frontmatter's start.
    if (document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) {
      report(
        file,
        'Frontmatter YAML nests too deep to read: keep it to `key: value` lines, a list of sections and the `author` map',
        node.position?.start,
        'frontmatter-yaml',
      )
      return
    }
    for (const error of document.errors) {
      report(
        file,
        `Invalid YAML in frontmatter: ${error.message.split('\n')[0]}`,
        at(error.pos[0]),
        'frontmatter-yaml',
      )
    }
    return
  }

  const contents = document.contents
  if (contents === null) return
  if (!isMap(contents)) {
    report(
      file,
      'Frontmatter must be a YAML mapping (`key: value` lines)',
      placeOf(contents),
      'frontmatter-shape',
    )
    return
  }

  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const value = pair.value as YamlNode | null
    const place = placeOf(value ?? (pair.key as YamlNode))
    const text = isScalar(value) && typeof value.value === 'string' ? value.value : undefined

    switch (key) {
      case 'id': {
        if (text !== undefined && text.split('/').every((part) => isSlug(part))) meta.id = text
        else
          report(
            file,
            'Frontmatter `id` must be a slug (lower case, dashes, no spaces or punctuation), such as `intro`, or slugs joined by `/`, such as `testing/api`',
            place,
            'frontmatter-id',
          )
        break
      }
      case 'title': {
        if (text !== undefined && text.trim() !== '') meta.title = text.trim()
        else report(file, 'Frontmatter `title` must be non-empty text', place, 'frontmatter-title')
        break
      }
      case 'sections': {
        readSections(value, file, meta, placeOf)
        break
      }
      case 'source': {
        if (text !== undefined && /^https?:\/\//i.test(text) && isSafeUrl(text)) meta.source = text
        else
          report(
            file,
            'Frontmatter `source` must be an `http:` or `https:` URL',
            place,
            'frontmatter-source',
          )
        break
      }
      case 'author': {
        readAuthor(value, file, meta, placeOf)
        break
      }
      default: {
        report(
          file,
          `Unknown frontmatter key \`${key}\` is ignored; known keys: ${[...knownKeys].join(', ')}`,
          placeOf(pair.key as YamlNode),
          'frontmatter-unknown-key',
        )
      }
    }
  }
}

function readSections(
  value: YamlNode | null,
  file: VFile,
  meta: GuideMeta,
  placeOf: (value: YamlNode | null | undefined) => Point,
): void {
  if (!isSeq(value)) {
    report(
      file,
      'Frontmatter `sections` must be a list of section ids, one per section of the page',
      placeOf(value),
      'frontmatter-sections',
    )
    return
  }
  const ids: string[] = []
  let ok = true
  for (const item of value.items) {
    const itemNode = item as YamlNode
    const id = isScalar(itemNode) && typeof itemNode.value === 'string' ? itemNode.value : undefined
    if (id === undefined || !isSlug(id)) {
      report(
        file,
        'A section id must be a slug (lower case, dashes, no spaces or punctuation), such as `ai-engineers`',
        placeOf(itemNode),
        'frontmatter-sections',
      )
      ok = false
    } else if (ids.includes(id)) {
      report(
        file,
        `Duplicate section id \`${id}\` in frontmatter: every section needs its own id`,
        placeOf(itemNode),
        'section-id-duplicate',
      )
      ok = false
    } else {
      ids.push(id)
    }
  }
  if (ok) {
    meta.sections = ids
    meta.sectionsPlace = placeOf(value)
  }
}

function readAuthor(
  value: YamlNode | null,
  file: VFile,
  meta: GuideMeta,
  placeOf: (value: YamlNode | null | undefined) => Point,
): void {
  if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') {
    meta.author = { name: value.value.trim() }
    return
  }
  if (isMap(value)) {
    const name = value.get('name')
    const url = value.get('url')
    const urlOk = url === undefined || (typeof url === 'string' && /^https?:\/\//i.test(url))
    if (typeof name === 'string' && name.trim() !== '' && urlOk) {
      meta.author = typeof url === 'string' ? { name: name.trim(), url } : { name: name.trim() }
      return
    }
  }
  report(
    file,
    'Frontmatter `author` must be a name, or `name:` and an optional `url:` (http or https)',
    placeOf(value),
    'frontmatter-author',
  )
}
