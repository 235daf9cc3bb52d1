/**
 * Guides of many pages, laid out as mkdocs has them: `mkdocs.yml` (`site_name`, a `nav` of
 * groups) and `docs/<group>/<page>.md`, from a seed, so the same count gives the same bytes
 * on every machine. The text is random words from a list of our own; each page has
 * frontmatter with its `title`, an `h1`, `h2` and `h3` headings, paragraphs (with inline
 * code, emphasis and strong words), bullet lists, fenced code blocks, one GFM table, links
 * to pages of other groups (`../group/page.md`) and to headings of pages of its own group
 * (`page.md#heading`, a heading that exists), and, on every few pages, an image next to it
 * (`![alt](img/figN.png)`): a small PNG of its own size, written here with `node:zlib`.
 * `generate-guide.ts` makes single-page guides from the guide's own text; this one makes a
 * folder of pages, for the tools that compile one (the `guides` benchmark).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'

/** One generated page. */
export interface GeneratedPage {
  /** The page's id as mkdocs and ours derive it: its path under `docs/` without `.md`. */
  id: string
  /** Its file, relative to `docs/` (`gather-cache-12/index-tokens-140.md`). */
  path: string
  title: string
  /** Its h2 and h3 headings, with the ids (slugs) a link may name. */
  headings: { depth: 2 | 3; text: string; slug: string }[]
  /** The image next to it (relative to `docs/`), if it has one. */
  image?: string
}

/** A generated guide, in memory: write it with {@link writePages}. */
export interface GeneratedPages {
  siteName: string
  /** Every page, `index.md` first, then by group, in the nav's order. */
  pages: GeneratedPage[]
  /** Every file, by its path relative to the guide's folder (`mkdocs.yml`, `docs/…`). */
  files: Map<string, string | Uint8Array>
  /** UTF-8 bytes of the pages' markdown (images and `mkdocs.yml` left out). */
  markdownBytes: number
  /** How many PNG files, and their bytes. */
  images: number
  imageBytes: number
  /** Relative links between pages: to another page, and to a heading of another page. */
  links: { page: number; heading: number }
  /** The page the benchmarks edit: a page of the first group, with an image. */
  editPage: GeneratedPage
}

// Our own words: nothing here is copied from anywhere.
const words = `able access account adapter agent alert anchor answer archive array batch beacon
bench binary block board bound branch bridge buffer build bundle cache caller canvas
channel chart check chunk client cloud cluster column commit compile config console
context contract copy counter cursor dashboard data debug default delta deploy detail
device digest domain draft driver edge editor engine entry error event export feature
field filter flag folder format frame gateway graph group guard handler hash header heap
history host image index input issue item job journal kernel key label launch layer
layout ledger level limit link list loader local lock log loop manifest map marker
memory merge message metric mirror mode model module monitor mount network node note
number object offset option order origin output owner package packet page panel parser
patch path peer pipeline pixel plan pointer policy pool port preview probe process
profile prompt proxy query queue quota range reader record region release replica
report request resource result retry review route rule runner sample scale schema scope
screen script search secret section segment sensor server service session shard shell
signal slice snapshot socket source span stack stage state storage stream string style
summary switch symbol table target task template tenant test thread ticket timer token
topic trace track tree trigger tunnel type update upload user value vector version view
volume watcher window worker writer zone`
  .split(/\s+/)
  .filter(Boolean)
const verbs = `adds builds caches checks clears compiles copies counts drops fetches finds
folds groups hides holds joins keeps lists loads maps marks merges moves names opens
packs parses pins reads renders resolves runs saves scans sends sets shows sorts splits
starts stores takes tracks trims updates walks watches writes`
  .split(/\s+/)
  .filter(Boolean)
const glue = ['the', 'a', 'each', 'every', 'its', 'one', 'no', 'some', 'this', 'that']
const joins = ['and', 'but', 'so', 'while', 'when', 'because', 'until', 'after', 'before']
const languages = ['ts', 'sh', 'yaml', 'json'] as const

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same guide. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The id a heading's text gets (as GitHub's slugger makes it, for our plain words). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')
}

/** The word an edit puts first in a page's opening paragraph: `Edit7`. */
export const editedWord = (n: number): string => `Edit${n}`

/**
 * A page's markdown with the first word of its opening paragraph (the one after the `h1`)
 * replaced by {@link editedWord}(`n`): one word changed, the rest byte for byte.
 */
export function editOpening(markdown: string, n: number): string {
  const edited = markdown.replace(/^(# [^\n]+\n\n)[A-Za-z0-9]+/m, `$1${editedWord(n)}`)
  if (edited === markdown) throw new Error('editOpening: no opening paragraph after the h1')
  return edited
}

class Writer {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!
  }

  word(): string {
    return this.pick(words)
  }

  title(count: number): string {
    return Array.from({ length: count }, () => capital(this.word())).join(' ')
  }

  /** A sentence of plain words, with now and then inline code, emphasis or strong words. */
  sentence(): string {
    const parts = [capital(this.pick(glue)), this.word(), this.pick(verbs)]
    const length = this.int(6, 16)
    while (parts.length < length) {
      const roll = this.random()
      if (roll < 0.05) parts.push(`\`${this.word()}.${this.word()}()\``)
      else if (roll < 0.09) parts.push(`*${this.word()}*`)
      else if (roll < 0.12) parts.push(`**${this.word()} ${this.word()}**`)
      else if (roll < 0.2) parts.push(this.pick(joins), this.pick(glue))
      else if (roll < 0.27) parts.push(this.pick(verbs))
      else parts.push(this.word())
    }
    return `${parts.join(' ')}.`
  }

  paragraph(sentences: number, link?: string): string {
    const text = Array.from({ length: sentences }, () => this.sentence())
    // Never first: the opening paragraph starts with the word that an edit changes.
    if (link)
      text.splice(this.int(1, text.length), 0, `${this.pick(['See', 'Read', 'Compare'])} ${link}.`)
    return text.join(' ')
  }

  list(items: number, link?: string): string {
    const lines = Array.from({ length: items }, () => {
      const text = Array.from({ length: this.int(3, 9) }, () => this.word()).join(' ')
      return `- ${capital(text)}`
    })
    if (link) lines[this.int(0, lines.length - 1)] += ` (see ${link})`
    return lines.join('\n')
  }

  code(): string {
    const language = this.pick(languages)
    const lines = Array.from({ length: this.int(3, 10) }, (_, index): string => {
      const [a, b, c] = [this.word(), this.word(), this.word()]
      switch (language) {
        case 'ts':
          return `const ${a}${capital(b)} = await ${c}(${this.int(1, 999)}, '${a}')`
        case 'sh':
          return `${a} ${b} --${c} ${this.int(1, 64)}`
        case 'yaml':
          return `${a}_${index}: ${b} ${c}`
        case 'json':
          return `${index === 0 ? '{ ' : '  '}"${a}${index}": "${b} ${c}",`
      }
    })
    if (language === 'json') lines.push(`  "end": ${this.int(0, 9)} }`)
    return `\`\`\`${language}\n${lines.join('\n')}\n\`\`\``
  }

  table(): string {
    const columns = this.int(3, 4)
    const row = (cells: string[]): string => `| ${cells.join(' | ')} |`
    const header = Array.from({ length: columns }, () => capital(this.word()))
    const rows = Array.from({ length: this.int(3, 6) }, () =>
      Array.from({ length: columns }, (_, column) =>
        column === 0 ? `\`${this.word()}\`` : `${this.word()} ${this.int(1, 500)}`,
      ),
    )
    return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
  }
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * A valid PNG of `width` × `height` (8-bit RGB, no interlace): a gradient with stripes,
 * coloured by `tint`, so images differ in bytes as well as in size.
 */
export function png(width: number, height: number, tint: number): Uint8Array {
  const stride = width * 3 + 1
  const pixels = Buffer.alloc(stride * height)
  const row = new Uint8Array(width * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      row[x * 3] = (x * 255) / Math.max(1, width - 1)
      row[x * 3 + 1] = (y * 255) / Math.max(1, height - 1)
      row[x * 3 + 2] = ((x + y) >> 3) % 2 === 0 ? tint & 0xff : (tint >> 8) & 0xff
    }
    // Filter 1 (Sub): each byte less the same channel of the pixel to its left.
    pixels[y * stride] = 1
    for (let at = 0; at < row.length; at++) {
      pixels[y * stride + 1 + at] = (row[at]! - (at >= 3 ? row[at - 3]! : 0)) & 0xff
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // bit depth 8, RGB, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Options of {@link generatePages}. */
export interface GeneratePagesOptions {
  /** The seed (default 1): another seed, another guide of the same shape. */
  seed?: number
  /** Pages per group of the nav (default 10). */
  groupSize?: number
  /** An image on every `imageEvery`-th page (default 4). */
  imageEvery?: number
  /** Page sizes are drawn between these, in bytes (default 3,000 and 10,000, about 6.5 kB on average). */
  minBytes?: number
  maxBytes?: number
}

/**
 * A guide of `count` pages: `docs/index.md`, then `count - 1` pages in groups of about
 * `groupSize`, each group a folder and a nav entry. Deterministic for a seed.
 */
export function generatePages(count: number, options: GeneratePagesOptions = {}): GeneratedPages {
  if (!Number.isInteger(count) || count < 2) throw new RangeError('generatePages: 2 pages or more')
  const random = seededRandom(options.seed ?? 1)
  const w = new Writer(random)
  const groupSize = options.groupSize ?? 10
  const imageEvery = options.imageEvery ?? 4
  const minBytes = options.minBytes ?? 3000
  const maxBytes = options.maxBytes ?? 10_000

  // The shape first (groups, pages, titles, headings), so that links name what exists.
  const groupCount = Math.ceil((count - 1) / groupSize)
  const groups = Array.from({ length: groupCount }, (_, index) => {
    const [first, second] = [w.word(), w.word()]
    const name = `${first}-${second}-${index + 1}`
    return { name, title: `${capital(first)} ${second} ${index + 1}`, pages: [] as number[] }
  })
  const pages: GeneratedPage[] = [{ id: 'index', path: 'index.md', title: 'Home', headings: [] }]
  for (let index = 1; index < count; index++) {
    const group = groups[Math.floor((index - 1) / groupSize)]!
    const title = `${w.title(w.int(2, 4))} ${index}`
    const path = `${group.name}/${slug(title)}.md`
    const page: GeneratedPage = { id: path.slice(0, -3), path, title, headings: [] }
    const taken = new Set([slug(title)])
    for (let heading = 0, headings = w.int(3, 8); heading < headings; heading++) {
      let text: string
      do text = w.title(w.int(1, 3))
      while (taken.has(slug(text)))
      taken.add(slug(text))
      // h2, h2, h3, h2, h2, h3, …
      page.headings.push({ depth: heading % 3 === 2 ? 3 : 2, text, slug: slug(text) })
    }
    if (index % imageEvery === 1) page.image = `${group.name}/img/fig${index}.png`
    group.pages.push(pages.length)
    pages.push(page)
  }

  const files = new Map<string, string | Uint8Array>()
  const links = { page: 0, heading: 0 }
  let markdownBytes = 0
  let imageBytes = 0
  const groupOf = (page: number): number => Math.floor((page - 1) / groupSize)

  /** A link from page `from` to a page of another group (`../group/page.md`). */
  const pageLink = (from: number): string | undefined => {
    if (groupCount < 2) return undefined
    let to: number
    do to = w.int(1, count - 1)
    while (groupOf(to) === groupOf(from))
    links.page++
    return `[${pages[to]!.title.toLowerCase()}](../${pages[to]!.path})`
  }
  /** A link from page `from` to a heading of another page of its group (`page.md#heading`). */
  const headingLink = (from: number): string | undefined => {
    const siblings = groups[groupOf(from)]!.pages.filter((page) => page !== from)
    if (siblings.length === 0) return undefined
    const to = pages[w.pick(siblings)]!
    const heading = w.pick(to.headings)
    links.heading++
    return `[${heading.text.toLowerCase()}](${to.path.split('/').pop()}#${heading.slug})`
  }

  for (let index = 1; index < count; index++) {
    const page = pages[index]!
    const target = minBytes + ((maxBytes - minBytes) * (random() + random())) / 2
    const blocks = [
      `---\ntitle: ${page.title}\n---`,
      `# ${page.title}`,
      w.paragraph(w.int(2, 4), pageLink(index)),
    ]
    if (page.image) {
      const [width, height] = [w.int(12, 120), w.int(12, 90)]
      const image = png(width, height, w.int(0, 0xffff))
      files.set(`docs/${page.image}`, image)
      imageBytes += image.length
      blocks.push(`![${w.word()} ${w.word()} chart](img/${page.image.split('/').pop()})`)
    }
    let bytes = blocks.join('\n\n').length
    const add = (block: string): void => {
      blocks.push(block)
      bytes += block.length + 2
    }
    // Every heading, each with its share of the page's size: a paragraph, then lists, code
    // blocks and more paragraphs until the share is reached; the table in one section.
    const tableAt = w.int(0, page.headings.length - 1)
    page.headings.forEach((heading, at) => {
      add(`${'#'.repeat(heading.depth)} ${heading.text}`)
      add(w.paragraph(w.int(2, 5), w.random() < 0.5 ? headingLink(index) : undefined))
      if (at === tableAt) add(w.table())
      const share = (target * (at + 1)) / page.headings.length
      let listed = false
      while (bytes < share) {
        const roll = w.random()
        // Two lists in a row would be one list: a list is followed by something else.
        if (roll < 0.35 && !listed)
          add(w.list(w.int(3, 6), roll < 0.12 ? pageLink(index) : undefined))
        else if (roll < 0.6) add(w.code())
        else add(w.paragraph(w.int(2, 5), roll > 0.9 ? headingLink(index) : undefined))
        listed = roll < 0.35 && !listed
      }
    })
    const markdown = `${blocks.join('\n\n')}\n`
    files.set(`docs/${page.path}`, markdown)
    markdownBytes += Buffer.byteLength(markdown)
  }

  const siteName = `Generated guide of ${count} pages`
  const home = [
    '---\ntitle: Home\n---',
    `# ${siteName}`,
    w.paragraph(3),
    groups.map((group) => `- [${group.title}](${pages[group.pages[0]!]!.path})`).join('\n'),
  ].join('\n\n')
  files.set('docs/index.md', `${home}\n`)
  markdownBytes += Buffer.byteLength(`${home}\n`)
  const nav = [
    '  - Home: index.md',
    ...groups.flatMap((group) => [
      `  - ${group.title}:`,
      ...group.pages.map((page) => `      - ${pages[page]!.title}: ${pages[page]!.path}`),
    ]),
  ]
  files.set(
    'mkdocs.yml',
    `# Generated by tools/bench (generate-pages.ts), seed ${options.seed ?? 1}.\nsite_name: ${siteName}\ndocs_dir: docs\nnav:\n${nav.join('\n')}\n`,
  )
  const images = pages.filter((page) => page.image).length
  const editPage = pages.find((page) => page.image) ?? pages[1]!
  return { siteName, pages, files, markdownBytes, images, imageBytes, links, editPage }
}

/** Write a generated guide's files under `dir` (which may exist). */
export async function writePages(dir: string, guide: GeneratedPages): Promise<void> {
  const folders = new Set([...guide.files.keys()].map((file) => dirname(join(dir, file))))
  for (const folder of folders) await mkdir(folder, { recursive: true })
  for (const [file, content] of guide.files) await writeFile(join(dir, file), content)
}
