/**
 * Guides of any size made of the guide's own constructs: the text of
 * `@ai-engineer/content/guide/intro.md` (headings, `<hr>` breaks, raw
 * `<figure>` blocks, gemoji shortcodes, lists, strong phrases), repeated as
 * numbered parts with a heading, an emoji and an inline link of their own, so
 * section and figure ids never collide and no two parts are byte-identical.
 * On request, every part also links by reference to one definition at the
 * very end: a reference that spans sections, which the guide itself never has.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** A generated guide. */
export interface GeneratedGuide {
  markdown: string
  /** UTF-8 bytes of `markdown`. */
  bytes: number
  /** How many copies of the guide's text it holds. */
  parts: number
  /** What the content pipeline must find in it (checked by the benchmark). */
  expect: GuideCounts
}

/** Counts of what a parsed guide holds. */
export interface GuideCounts {
  sections: number
  figures: number
  emoji: number
  /** Markdown links, inline or by reference (figure captions hold a `source`, not a link). */
  links: number
  /** Reference-style links left unresolved: always 0. */
  linkReferences: number
}

const emoji = ['wink', 'grinning', 'rocket', 'sparkles', 'tada', 'thinking']
/** The label of the reference-style link in every part, defined once at the very end. */
const definition = 'guide'

/** Options of {@link generateGuide}. */
export interface GenerateOptions {
  /** Add a reference-style link to every part, defined once at the end of the document. */
  references?: boolean | undefined
}

/** The guide's markdown body, frontmatter removed (the generated pages derive their ids). */
export function guideBody(): string {
  const path = createRequire(import.meta.url).resolve('@ai-engineer/content/guide/intro.md')
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n')
  return text.replace(/^---\n[\s\S]*?\n---\n/, '').trim()
}

/**
 * One part of a generated guide. Part 0 keeps the guide's `# title`; later
 * parts open with `## Part N: title`. Each has 4 sections (its heading's,
 * then one after each of its 3 `<hr>`s; the `<hr>` between parts only
 * closes the last), 2 figures, 2 emoji (the first varied) and an inline link,
 * plus a link by reference when `references` is set.
 */
function part(body: string, index: number, references: boolean): string {
  let text = body.replace(':wink:', `:${emoji[index % emoji.length]}:`)
  if (index > 0) text = text.replace(/^# (.+)$/m, `## Part ${index + 1}: $1`)
  return `${text}

Read [part ${index + 1} of the guide](https://github.com/mapattacker/ai-engineer#part-${index + 1})${references ? ` or [its source][${definition}]` : ''}.`
}

/** A guide of at least `targetBytes` bytes of UTF-8 (whole parts, so slightly over). */
export function generateGuide(targetBytes: number, options: GenerateOptions = {}): GeneratedGuide {
  const references = options.references === true
  const body = guideBody()
  const pieces: string[] = []
  let bytes = 0
  while (bytes < targetBytes || pieces.length === 0) {
    const piece = part(body, pieces.length, references)
    pieces.push(piece)
    bytes += Buffer.byteLength(piece) + '\n\n<hr>\n\n'.length
  }
  const end = references ? `\n\n[${definition}]: https://github.com/mapattacker/ai-engineer` : ''
  const markdown = `${pieces.join('\n\n<hr>\n\n')}${end}\n`
  const parts = pieces.length
  return {
    markdown,
    bytes: Buffer.byteLength(markdown),
    parts,
    expect: {
      sections: parts * 4,
      figures: parts * 2,
      emoji: parts * 2,
      links: parts * (references ? 2 : 1),
      linkReferences: 0,
    },
  }
}
