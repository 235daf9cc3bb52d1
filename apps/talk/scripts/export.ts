/**
 * `pnpm export`: everything a speaker is asked for, into `export/` (or `$TALK_EXPORT_DIR`):
 *
 *   so-you-wana-be-an-ai-engineer.pdf          the slides, one page a slide (Slidev)
 *   so-you-wana-be-an-ai-engineer.pptx         one PowerPoint slide a slide, notes attached
 *   png/01.png …                               one 1920 × 1080 PNG a slide (Slidev)
 *   so-you-wana-be-an-ai-engineer-handout.pdf  A4, a page a slide: its picture, then its notes
 *
 * Slidev's own export modes drive the Chromium at `$CHROMIUM_PATH` (default
 * /usr/bin/chromium); the PPTX is put together from those PNGs and the slides' notes (as
 * the preparser makes them), and the handout is printed by the same Chromium from both. Clicks are collapsed: one page a slide.
 * Everything is written to a temporary folder first and moved in at the end, so a failed
 * export leaves the previous one as it was.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { guide } from '@ai-engineer/content'
import { chromiumPath } from '@ai-engineer/test-utils'
import { handoutPdf } from './handout.ts'
import { pptxFromPngs } from './pptx.ts'
import { appDir, deckSlides, slidevBin } from '../test/deck.ts'

const run = promisify(execFile)

export const exportName = 'so-you-wana-be-an-ai-engineer'
/** Slidev draws the 980 px canvas; this scale makes the PNGs (and the PPTX's pictures) 1920 × 1080. */
const scale = String(1920 / 980)

async function slidev(format: 'pdf' | 'png', output: string): Promise<void> {
  const args = [slidevBin, 'export', '--format', format, '--output', output]
  // Two minutes a slide: the first export of a machine waits for Vite to optimize the
  // deck's dependencies.
  args.push('--executable-path', chromiumPath, '--timeout', '120000')
  // One slide at a time: the one-page mode can catch a slide still loading.
  args.push('--per-slide', '--no-with-clicks')
  if (format !== 'pdf') args.push('--scale', scale)
  console.log(`[export] slidev export --format ${format}`)
  await run(process.execPath, args, { cwd: appDir, maxBuffer: 64 * 1024 * 1024 })
}

export async function exportAll(target: string): Promise<string[]> {
  await mkdir(dirname(target), { recursive: true })
  const work = await mkdtemp(join(dirname(target), '.export-'))
  try {
    await slidev('pdf', join(work, `${exportName}.pdf`))
    await slidev('png', join(work, 'png'))
    const slides = await deckSlides()
    const pngs = await Promise.all(
      slides.map(({ no }) => readFile(join(work, 'png', `${String(no).padStart(2, '0')}.png`))),
    )
    const pictured = slides.map((slide, index) => ({ ...slide, png: pngs[index]! }))
    console.log('[export] pptx')
    await writeFile(join(work, `${exportName}.pptx`), await pptxFromPngs(pictured, guide.title))
    console.log('[export] handout')
    await handoutPdf(pictured, join(work, `${exportName}-handout.pdf`))
    await rm(target, { recursive: true, force: true })
    await rename(work, target)
    return (await readdir(target, { recursive: true })).sort()
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = resolve(appDir, process.env.TALK_EXPORT_DIR || 'export')
  const files = await exportAll(target)
  console.log(`[export] ${target}:\n  ${files.join('\n  ')}`)
}
