/**
 * The handout: an A4 PDF with a page a slide, its picture on top and its presenter notes
 * (the guide's prose, as the preparser makes them) under it, printed by Debian's Chromium.
 */
import { launchChromium } from '@ai-engineer/test-utils'
import MarkdownIt from 'markdown-it'
import type { SlideNames } from '../test/deck.ts'
import { guide } from '@ai-engineer/content'

export interface HandoutSlide extends SlideNames {
  /** The slide as a PNG. */
  png: Buffer
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })

/** The slide's headline: its `title`, or the text of its first `# ` line. */
function headline({ slide }: SlideNames): string {
  if (typeof slide.frontmatter.title === 'string') return slide.frontmatter.title
  const line = /^#\s+(.+)$/m.exec(slide.content)?.[1] ?? ''
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const style = `
  @page { size: A4; margin: 14mm 16mm; }
  body { margin: 0; color: #16181d; font: 11pt/1.45 'Inter Variable', system-ui, sans-serif; }
  section { break-after: page; }
  section:last-child { break-after: auto; }
  h1 { margin: 0 0 4mm; font-size: 14pt; }
  h1 span { color: #4a4f59; font-weight: 400; }
  img { display: block; width: 100%; border: 0.3mm solid #d9d2c2; }
  .notes { margin-top: 5mm; }
  .notes p, .notes li { margin: 0 0 2.5mm; }
  a { color: #0b57c4; }
`

/** The handout's HTML: one `<section>` a slide. */
export function handoutHtml(slides: HandoutSlide[]): string {
  const pages = slides.map((slide) => {
    const title = markdown.utils.escapeHtml(headline(slide))
    const notes = slide.note?.trim() ? markdown.render(slide.note) : ''
    const image = `data:image/png;base64,${slide.png.toString('base64')}`
    return [
      `<section>`,
      `<h1><span>${slide.no} / ${slides.length}</span> ${title}</h1>`,
      `<img src="${image}" alt="Slide ${slide.no}: ${title}">`,
      notes ? `<div class="notes">${notes}</div>` : '',
      `</section>`,
    ].join('\n')
  })
  const title = markdown.utils.escapeHtml(`${guide.title} (handout)`)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${style}</style></head><body>${pages.join('\n')}</body></html>`
}

/** Print the handout of `slides` to `output`. */
export async function handoutPdf(slides: HandoutSlide[], output: string): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    // Nothing may leave the machine: the page is self-contained.
    await page.route(/^https?:/, (route) => route.abort())
    await page.setContent(handoutHtml(slides), { waitUntil: 'load' })
    await page.pdf({ path: output, format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
