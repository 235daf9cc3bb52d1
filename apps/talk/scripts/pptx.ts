/**
 * The PPTX: one PowerPoint slide a slide, its picture filling the slide and its presenter
 * notes attached, written with `pptxgenjs` from the PNGs that `slidev export --format png`
 * made. Slidev's own PPTX export is the same (a picture a slide, the notes attached), but
 * it starts a second dev server and renders every slide again to get those pictures.
 */
import PptxGenJS from 'pptxgenjs'
import type { SlideNames } from '../test/deck.ts'

export interface PptxSlide extends SlideNames {
  /** The slide as a 16:9 PNG. */
  png: Buffer
}

/** 16:9, as PowerPoint's own widescreen layout: 13.333 × 7.5 inches. */
const layout = { name: 'TALK_16x9', width: 13.333, height: 7.5 }

/** The PPTX of `slides`, titled `title`, as the bytes of the file. */
export async function pptxFromPngs(slides: PptxSlide[], title: string): Promise<Buffer> {
  const pptx = new PptxGenJS()
  pptx.defineLayout(layout)
  pptx.layout = layout.name
  pptx.title = title
  for (const { png, note } of slides) {
    const slide = pptx.addSlide()
    slide.addImage({
      data: `data:image/png;base64,${png.toString('base64')}`,
      x: 0,
      y: 0,
      w: layout.width,
      h: layout.height,
    })
    if (note?.trim()) slide.addNotes(note.trim())
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer
}
