/**
 * `pnpm export` (scripts/export.ts) into a temporary folder, with Debian's Chromium:
 * the slides PDF (with the guide's title as text) and the PPTX have one page / slide a
 * slide, the PNGs are one a slide at
 * 1920 × 1080, and the handout holds each slide's headline and the first words of each
 * section's notes.
 */
import { getSection, guide } from '@ai-engineer/content'
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalize, noteTexts } from '../lib/notes.ts'
import { exportAll, exportName } from '../scripts/export.ts'
import { deckSlides, type SlideNames } from '../test/deck.ts'

const run = promisify(execFile)

let out: string
let slides: SlideNames[]

/** The names of the files in a zip archive, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  // The end-of-central-directory record: signature 0x06054b50, in the last 64 KiB.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip archive')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const names: string[] = []
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory')
    const nameLength = zip.readUInt16LE(at + 28)
    const extra = zip.readUInt16LE(at + 30)
    const comment = zip.readUInt16LE(at + 32)
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extra + comment
  }
  return names
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

beforeAll(async () => {
  slides = await deckSlides()
  out = join(await mkdtemp(join(tmpdir(), 'talk-export-')), 'export')
  const started = Date.now()
  await exportAll(out)
  console.log(`export e2e: exported in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}, 900_000)

afterAll(async () => {
  if (out) await rm(join(out, '..'), { recursive: true, force: true })
})

describe('pnpm export', () => {
  it('should write the slides PDF with one page a slide', async () => {
    const { stdout } = await run('pdfinfo', [join(out, `${exportName}.pdf`)])
    expect(stdout).toMatch(new RegExp(`^Pages:\\s+${slides.length}$`, 'm'))
  })

  it("should put the guide's title, as text, in the slides PDF", async () => {
    const { stdout } = await run('pdftotext', [join(out, `${exportName}.pdf`), '-'])
    expect(normalize(stdout)).toContain(guide.title)
  })

  it('should write a PPTX with one slide a slide, notes attached', async () => {
    const names = zipEntries(await readFile(join(out, `${exportName}.pptx`)))
    const pptxSlides = names.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    expect(pptxSlides).toHaveLength(slides.length)
    // A picture a slide: the slide as the PNG export drew it.
    expect(names.filter((name) => /^ppt\/media\/[^/]+\.png$/.test(name))).toHaveLength(
      slides.length,
    )
    const withNotes = slides.filter((slide) => slide.note?.trim()).length
    expect(
      names.filter((name) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)).length,
    ).toBeGreaterThanOrEqual(withNotes)
  })

  it('should write one 1920 × 1080 PNG a slide', async () => {
    const files = (await readdir(join(out, 'png'))).sort()
    expect(files).toEqual(slides.map(({ no }) => `${String(no).padStart(2, '0')}.png`))
    for (const file of files) {
      expect(pngSize(await readFile(join(out, 'png', file))), file).toEqual({
        width: 1920,
        height: 1080,
      })
    }
  })

  it("should write a handout with every slide and the first words of each section's notes", async () => {
    const handout = join(out, `${exportName}-handout.pdf`)
    const { stdout: info } = await run('pdfinfo', [handout])
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])
    expect(pages).toBeGreaterThanOrEqual(slides.length)
    const { stdout } = await run('pdftotext', [handout, '-'])
    const text = normalize(stdout)
    for (const { no, page, section, blocks } of slides) {
      expect(text, `slide ${no}`).toContain(`${no} / ${slides.length}`)
      if (!section) continue
      const first = noteTexts(getSection(page as never, section as never), blocks)[0] ?? ''
      const words = first.split(' ').slice(0, 8).join(' ')
      expect(words.length, `notes of slide ${no}`).toBeGreaterThan(10)
      expect(text, `notes of slide ${no}`).toContain(words)
    }
  })
})
