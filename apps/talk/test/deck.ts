/** The deck as Slidev parses it, for the tests and the e2e. */
import { parse } from '@slidev/parser'
import type { SlideInfo, SourceSlideInfo } from '@slidev/types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import preparser from '../setup/preparser.ts'

export const appDir = fileURLToPath(new URL('..', import.meta.url))
export const slidesPath = join(appDir, 'slides.md')
/**
 * Slidev's CLI as `pnpm dev` runs it: through the deck's own `node_modules` link, not the
 * resolved path into pnpm's `node_modules/.pnpm`. Slidev reads its own script path to
 * decide whether it is installed globally; from a `.pnpm` path it takes the global mode,
 * with another dependency setup and a Vite cache inside its package folder.
 */
export const slidevBin = join(appDir, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** The source of slides.md. */
export function readSlides(): string {
  return readFileSync(slidesPath, 'utf8')
}

/** The slides' preparser extensions (setup/preparser.ts), as `slidev build` gets them. */
export async function preparserExtensions(filepath = slidesPath) {
  return preparser({ filepath, headmatter: {}, mode: 'build' })
}

/** Parse `markdown` as Slidev does, through the deck's preparser. */
export async function parseSlides(
  markdown = readSlides(),
  filepath = slidesPath,
): Promise<SourceSlideInfo[]> {
  const parsed = await parse(markdown, filepath, await preparserExtensions(filepath))
  return parsed.slides
}

/** What one slide names: its frontmatter `page`, `section` and `blocks`. */
export interface SlideNames {
  /** 1-based, as in the deck's URLs. */
  no: number
  page: string | undefined
  section: string | undefined
  blocks: number[] | undefined
  note: string | undefined
  slide: Pick<SlideInfo, 'content' | 'frontmatter'>
}

/** Each slide of the deck, with what it names. */
export async function deckSlides(): Promise<SlideNames[]> {
  return (await parseSlides()).map((slide, index) => ({
    no: index + 1,
    page: slide.frontmatter.page as string | undefined,
    section: slide.frontmatter.section as string | undefined,
    blocks: slide.frontmatter.blocks as number[] | undefined,
    note: slide.note,
    slide,
  }))
}
