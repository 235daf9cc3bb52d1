import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { promisify } from 'node:util'
import { crc32, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  editOpening,
  editedWord,
  generatePages,
  png,
  slug,
  writePages,
} from '../src/generate-pages.ts'

const require = createRequire(import.meta.url)
const contentBin = join(
  dirname(require.resolve('@ai-engineer/content/package.json')),
  'bin/ai-engineer-content.js',
)

/** The width, height and pixel bytes of a PNG, each chunk's CRC checked. */
function readPng(data: Uint8Array): { width: number; height: number; pixels: Buffer } {
  const bytes = Buffer.from(data)
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  let at = 8
  const chunks: { type: string; body: Buffer }[] = []
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at)
    const typed = bytes.subarray(at + 4, at + 8 + length)
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(typed))
    chunks.push({ type: typed.subarray(0, 4).toString('latin1'), body: typed.subarray(4) })
    at += 12 + length
  }
  expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND'])
  const header = chunks[0]!.body
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    pixels: inflateSync(chunks[1]!.body),
  }
}

describe('generatePages', () => {
  const guide = generatePages(31)
  const markdown = (path: string): string => guide.files.get(`docs/${path}`) as string

  it('should give the same guide for the same seed, and another for another seed', () => {
    const again = generatePages(31)
    expect([...again.files.keys()]).toEqual([...guide.files.keys()])
    expect(again.files.get('mkdocs.yml')).toBe(guide.files.get('mkdocs.yml'))
    expect(markdown(guide.editPage.path)).toBe(again.files.get(`docs/${guide.editPage.path}`))
    const other = generatePages(31, { seed: 2 })
    expect(other.files.get('mkdocs.yml')).not.toBe(guide.files.get('mkdocs.yml'))
  })

  it('should lay the pages out as mkdocs does, every page in the nav once', () => {
    expect(guide.pages).toHaveLength(31)
    const config = guide.files.get('mkdocs.yml') as string
    expect(config).toMatch(/^site_name: Generated guide of 31 pages$/m)
    expect(config).toMatch(/^nav:\n {2}- Home: index\.md\n {2}- [A-Z][\w ]+:\n {6}- /m)
    const listed = [...config.matchAll(/^ {2,6}- [^:\n]+: (\S+\.md)$/gm)].map((match) => match[1])
    expect(listed.sort()).toEqual(guide.pages.map((page) => page.path).sort())
    for (const page of guide.pages.slice(1)) {
      expect(page.path).toMatch(/^[a-z]+-[a-z]+-\d+\/[a-z0-9-]+\.md$/)
      const text = markdown(page.path)
      expect(text).toMatch(new RegExp(`^---\\ntitle: ${page.title}\\n---\\n\\n# ${page.title}\\n`))
      const bytes = Buffer.byteLength(text)
      expect(bytes).toBeGreaterThanOrEqual(3000)
      expect(bytes).toBeLessThan(12_000)
      // Every block kind the benchmark promises.
      expect(text).toMatch(/^## \S/m)
      expect(text).toMatch(/^- \S/m)
      expect(text).toMatch(/^```(ts|sh|yaml|json)\n[\s\S]+?\n```$/m)
      expect(text).toMatch(/^\| .+ \|\n\| (--- \| )+---\s?\|$/m)
    }
    expect(guide.markdownBytes / 31).toBeGreaterThan(4000)
    expect(guide.markdownBytes / 31).toBeLessThan(8000)
  })

  it('should link only to pages and headings that exist', () => {
    let links = 0
    for (const page of guide.pages) {
      const text = markdown(page.path)
      for (const [, url] of text.matchAll(/\]\(([^)]+\.md(?:#[^)]*)?)\)/g)) {
        const [file, fragment] = url!.split('#')
        const target = posix.normalize(posix.join(posix.dirname(page.path), file!))
        expect(guide.files.has(`docs/${target}`), `${page.path} → ${url}`).toBe(true)
        if (fragment !== undefined) {
          const headings = [...markdown(target).matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1]!))
          expect(headings, `${page.path} → ${url}`).toContain(fragment)
        }
        links++
      }
    }
    expect(links).toBe(guide.links.page + guide.links.heading + 3)
    expect(guide.links.page).toBeGreaterThan(31)
    expect(guide.links.heading).toBeGreaterThan(31)
  })

  it('should put an image beside every 4th page, each a valid PNG of its own size', () => {
    const images = guide.pages.filter((page) => page.image)
    expect(images).toHaveLength(guide.images)
    expect(images).toHaveLength(8)
    const sizes = new Set<string>()
    for (const page of images) {
      expect(markdown(page.path)).toContain(`](img/${posix.basename(page.image!)})`)
      const { width, height, pixels } = readPng(guide.files.get(`docs/${page.image}`) as Uint8Array)
      expect(pixels.length).toBe(height * (width * 3 + 1))
      sizes.add(`${width}×${height}`)
    }
    expect(sizes.size).toBeGreaterThan(1)
    expect(readPng(png(3, 2, 0x1234))).toMatchObject({ width: 3, height: 2 })
  })

  it('should change one word of a page, the first of its opening paragraph', () => {
    const text = markdown(guide.editPage.path)
    const edited = editOpening(text, 7)
    const before = text.split(/\s+/)
    const after = edited.split(/\s+/)
    expect(after).toHaveLength(before.length)
    const changed = after.filter((word, index) => word !== before[index])
    expect(changed).toEqual([editedWord(7)])
    expect(editOpening(edited, 8)).toBe(editOpening(text, 8))
  })

  it('should be a guide that ai-engineer-content checks without a warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-pages-test-'))
    try {
      await writePages(dir, guide)
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [contentBin, 'check', '--format', 'json', 'mkdocs.yml'],
        { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      )
      const files = JSON.parse(stdout) as { path: string; messages: unknown[] }[]
      expect(files.flatMap((file) => file.messages)).toEqual([])
      expect(files.length).toBe(32)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
