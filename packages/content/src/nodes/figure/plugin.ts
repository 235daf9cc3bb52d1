import GithubSlugger from 'github-slugger'
import type { Element, ElementContent } from 'hast'
import type { Html, Parent, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Plugin } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { hasNode } from '../../runtime/index.js'
import type { VFile } from 'vfile'
import { depth, isElement, parseFragment, significant } from '../html-fragment.js'
import { report } from '../../report/index.js'
import { registerSyntax } from '../register.js'
import { checkAttributes, describe, readCaption } from './caption.js'
import { figureToMarkdown } from './markdown.js'
import type { Figure } from '../../types.js'

/** Options of {@link remarkGuideFigure}: none yet. */
export interface FigureOptions {}

const figureStart = /^<figure[\s>]/i
const figureEnd = /<\/figure\s*>/i
/** How deep a figure's elements may nest: `figure > figcaption > a > strong > em > code` is 6. */
const maxDepth = 16
/** How many tags a figure may hold: few, and an HTML parser that recurses copes with as many. */
const maxTags = 100

/**
 * Turn raw `<figure><img><figcaption>…<a>Source</a></figcaption></figure>`
 * blocks into `figure` nodes. A block that starts as a figure but has another
 * shape is an error at its position; other HTML is left for
 * `remarkGuideHtml`.
 */
const remarkGuideFigure: Plugin<[(Readonly<FigureOptions> | null | undefined)?], Root> =
  function () {
    registerSyntax(this, { toMarkdown: figureToMarkdown })
    return function (tree, file) {
      if (!hasNode(tree, ['html'])) return
      const slugger = new GithubSlugger()
      visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
        if (!parent || index === undefined || !figureStart.test(node.value.trimStart())) return
        const figure = toFigure(node, file, slugger)
        // A broken figure has been reported: drop it, so no other plugin reports it again.
        if (figure) parent.children.splice(index, 1, figure)
        else parent.children.splice(index, 1)
        return figure ? SKIP : [SKIP, index]
      })
    }
  }

export default remarkGuideFigure

function toFigure(node: Html, file: VFile, slugger: GithubSlugger): Figure | undefined {
  // Checked before anything recurses into the HTML (hast-util-from-html does).
  if (countTags(node.value, maxTags) > maxTags) {
    report(
      file,
      `A \`<figure>\` holds more than ${maxTags} tags: it holds one \`<img>\` and a \`<figcaption>\` of text, links and emphasis`,
      node.position,
      'figure-shape',
    )
    return undefined
  }
  // The HTML parser would close an open figure at the blank line and carry on: say so instead.
  if (!figureEnd.test(node.value)) {
    report(
      file,
      'The `<figure>` is not closed: end it with `</figure>` before the next blank line',
      node.position,
      'figure-shape',
    )
    return undefined
  }
  const fragment = parseFragment(node, String(file.value))
  if (depth(fragment) > maxDepth) {
    report(
      file,
      `A \`<figure>\` nests its elements more than ${maxDepth} deep: it holds one \`<img>\` and a \`<figcaption>\` of text, links and emphasis`,
      node.position,
      'figure-shape',
    )
    return undefined
  }
  const top = significant(fragment.children as ElementContent[])
  const element = top[0]
  if (top.length !== 1 || !isElement(element, 'figure')) {
    report(
      file,
      'A `<figure>` block must hold one `<figure>…</figure>` and nothing else: close the figure and leave a blank line after it',
      node.position,
      'figure-shape',
    )
    return undefined
  }
  let ok = checkAttributes(element, ['id'], file)

  const parts = significant(element.children)
  const images = parts.filter((part) => isElement(part, 'img')) as Element[]
  const captions = parts.filter((part) => isElement(part, 'figcaption')) as Element[]
  const others = parts.filter((part) => !isElement(part, 'img') && !isElement(part, 'figcaption'))

  if (images.length !== 1) {
    report(
      file,
      images.length === 0
        ? 'A `<figure>` needs an `<img src="…">`: add the image, or write the caption as a paragraph'
        : 'A `<figure>` holds one `<img>`: split it into one figure per image',
      images[1]?.position ?? element.position,
      'figure-image',
    )
    ok = false
  }
  if (captions.length > 1) {
    report(
      file,
      'A `<figure>` holds at most one `<figcaption>`',
      captions[1]?.position,
      'figure-caption',
    )
    ok = false
  }
  for (const other of others) {
    report(
      file,
      `Unexpected ${describe(other)} in a \`<figure>\`: it may hold one \`<img>\` and one \`<figcaption>\``,
      other.position,
      'figure-shape',
    )
    ok = false
  }

  const image = images[0]
  if (image) ok = checkAttributes(image, ['src', 'alt'], file) && ok
  const src = typeof image?.properties.src === 'string' ? image.properties.src.trim() : ''
  if (image && src === '') {
    report(file, 'The figure’s `<img>` needs a non-empty `src`', image.position, 'figure-image')
    ok = false
  }

  const caption = captions[0]
  const { children, source, captionOk } = caption
    ? readCaption(caption, file)
    : { children: [], source: undefined, captionOk: true }
  ok = ok && captionOk
  if (!ok) return undefined

  const captionText = toString({ type: 'paragraph', children }).trim()
  const givenAlt = typeof image?.properties.alt === 'string' ? image.properties.alt.trim() : ''
  const alt = givenAlt || captionText
  if (alt === '') {
    report(
      file,
      'A figure has no text alternative, so it keeps an empty `alt` (screen readers skip it): give the `<img>` an `alt`, or the figure a `<figcaption>`',
      image?.position,
      'figure-alt',
    )
  }

  const givenId = typeof element.properties.id === 'string' ? element.properties.id : ''
  const id = slugger.slug(givenId || imageName(src))
  const figure: Figure = { type: 'figure', id, src, alt, children }
  if (source) figure.source = source
  if (node.position) figure.position = node.position
  return figure
}

/** How many start tags `html` holds, counting no further than `max + 1`. */
function countTags(html: string, max: number): number {
  const tag = /<[a-z]/gi
  let count = 0
  while (count <= max && tag.exec(html)) count++
  return count
}

/** `…/images/technical_debt.png?raw=true` → `technical-debt`. */
function imageName(src: string): string {
  const path = src.split(/[?#]/)[0] ?? ''
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.[a-z\d]+$/i, '')
  const name = base.replace(/[_\s.]+/g, '-')
  return name || 'figure'
}
