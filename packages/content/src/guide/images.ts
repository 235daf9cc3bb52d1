/**
 * The images of a guide's pages whose `src` is a relative path (`images/layers.svg`, as
 * mkdocs authors write them): each is resolved against its page, a missing file is an
 * error at the image's line and column, and the image's `width` and `height` are read
 * from the file's header (never by decoding it) onto its node: a figure's `width` and
 * `height`, an image's `data.hProperties`, so HTML output reserves its box. URLs with a
 * scheme (`https:`), site-absolute paths and data URLs stay as they are.
 *
 * What the image becomes in an app (a hashed file) is up to the output: the Vite plugin
 * imports it, `build` copies it beside its modules ({@link localImages} lists them).
 */
import { statSync, type Stats } from 'node:fs'
import { join, posix } from 'node:path'
import type { Image } from 'mdast'
import { imageSizeFromFile } from 'image-size/fromFile'
import type { VFile } from 'vfile'
import { report } from '../report/index.js'
import type { Figure, GuidePage, GuideRoot } from '../types.js'
import { nodesOf } from './walk.js'

/**
 * The file a relative image `src` names, relative to the guide's folder (with `/`), for
 * a page at `pagePath`; `undefined` for a URL that is not a relative path.
 */
export function imageFile(pagePath: string, src: string): string | undefined {
  if (src === '' || src.startsWith('/') || src.startsWith('#') || /^[a-z][\w+.-]*:/i.test(src)) {
    return undefined
  }
  const path = src.replace(/[?#].*$/s, '')
  let decoded: string
  try {
    decoded = decodeURI(path)
  } catch {
    decoded = path
  }
  return posix.normalize(posix.join(posix.dirname(pagePath), decoded))
}

/** Whether `file` (relative to the guide's folder `docs`) is a file in that folder. */
export function isImage(docs: string, file: string): boolean {
  if (file === '..' || file.startsWith('../')) return false
  const absolute = join(docs, ...file.split('/'))
  return statSync(absolute, { throwIfNoEntry: false })?.isFile() === true
}

type ImageNode = Figure | Image

const srcOf = (node: ImageNode): string => (node.type === 'figure' ? node.src : node.url)

/** Every figure and image of `tree` with a relative `src`, with the file it names. */
export function localImages(
  pagePath: string,
  tree: GuideRoot,
): { node: ImageNode; src: string; file: string }[] {
  return nodesOf<ImageNode>(tree, ['figure', 'image']).flatMap((node) => {
    const src = srcOf(node)
    const file = imageFile(pagePath, src)
    return file === undefined ? [] : [{ node, src, file }]
  })
}

/**
 * The sizes read, by file, with the modification time and size of the file they were
 * read from: a process that loads a guide again (the Vite plugin, on each save) reads
 * the header of an image that changed only.
 */
const sizes = new Map<
  string,
  { version: string; size: Promise<{ width: number; height: number }> }
>()

/** The width and height of the image `file` (absolute), whose `stats` are given. */
function sizeOf(file: string, stats: Stats): Promise<{ width: number; height: number }> {
  const version = `${stats.mtimeMs}:${stats.size}:${stats.ino}`
  const known = sizes.get(file)
  if (known?.version === version) return known.size
  const size = imageSizeFromFile(file)
  sizes.set(file, { version, size })
  // A file that cannot be measured is read again next time.
  size.catch(() => {
    if (sizes.get(file)?.size === size) sizes.delete(file)
  })
  return size
}

/**
 * Check and measure the relative images of `pages` (in the guide's folder `docs`),
 * reporting on each page's file.
 */
export async function measureImages(
  pages: readonly { page: GuidePage; file: VFile }[],
  docs: string,
): Promise<void> {
  for (const { page, file } of pages) {
    for (const { node, src, file: image } of localImages(page.path, page.tree)) {
      if (image === '..' || image.startsWith('../')) {
        report(
          file,
          `The image \`${src}\` is outside the guide's folder: put it in the folder, or write a full URL`,
          node.position,
          'image-file',
        )
        continue
      }
      const absolute = join(docs, ...image.split('/'))
      const stats = statSync(absolute, { throwIfNoEntry: false })
      if (!stats?.isFile()) {
        report(
          file,
          `The image \`${src}\` is missing: no file \`${image}\` in the guide's folder`,
          node.position,
          'image-file',
        )
        continue
      }
      let size: { width: number; height: number }
      try {
        size = await sizeOf(absolute, stats)
      } catch (error) {
        report(
          file,
          `The image \`${src}\` could not be measured: ${(error as Error).message}`,
          node.position,
          'image-file',
        )
        continue
      }
      const { width, height } = size
      if (node.type === 'figure') Object.assign(node, { width, height })
      else node.data = { ...node.data, hProperties: { ...node.data?.hProperties, width, height } }
    }
  }
}
