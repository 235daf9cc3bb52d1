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
import { closeSync, openSync, readSync, statSync, type BigIntStats } from 'node:fs'
import { join, posix } from 'node:path'
import type { Image } from 'mdast'
import { imageSize } from 'image-size'
import type { VFile } from 'vfile'
import { report } from '../report/index.js'
import type { Figure, GuidePage, GuideRoot } from '../types.js'
import { fileStamp, settledStamp, type ImageStamp } from './cache.js'
import { givenChanged } from './given.js'
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

/** A page's relative images, by tree, with the page's path and the `src`s they were found for. */
const imagesOf = new WeakMap<
  GuideRoot,
  { pagePath: string; srcs: string[]; images: { node: ImageNode; src: string; file: string }[] }
>()

/**
 * Every figure and image of `tree` with a relative `src`, with the file it names: the
 * same list while the tree's images and the page's path stay the same.
 */
export function localImages(
  pagePath: string,
  tree: GuideRoot,
): { node: ImageNode; src: string; file: string }[] {
  const nodes = nodesOf<ImageNode>(tree, ['figure', 'image'])
  const known = imagesOf.get(tree)
  if (
    known?.pagePath === pagePath &&
    known.srcs.length === nodes.length &&
    nodes.every((node, index) => srcOf(node) === known.srcs[index])
  )
    return known.images
  const images = nodes.flatMap((node) => {
    const src = srcOf(node)
    const file = imageFile(pagePath, src)
    return file === undefined ? [] : [{ node, src, file }]
  })
  imagesOf.set(tree, { pagePath, srcs: nodes.map(srcOf), images })
  return images
}

/**
 * The sizes read, by file, with the stamp ({@link fileStamp}) of the file they were read
 * from: a process that loads a guide again (the Vite plugin, on each save) reads the
 * header of an image that changed only.
 */
const sizes = new Map<string, { version: string; size: { width: number; height: number } }>()

/**
 * How much of an image file its size is read from: every header `image-size` reads fits
 * (a JPEG's size comes after its metadata, which can be long).
 */
const headerBytes = 512 * 1024

/**
 * The width and height of the image `file` (absolute), whose `stats` are given, read
 * from the start of the file on this thread: a guide's images are measured one after
 * another, and reading each through the thread pool took several times longer.
 */
function sizeOf(file: string, stats: BigIntStats): { width: number; height: number } {
  const version = fileStamp(stats)
  const known = sizes.get(file)
  if (known?.version === version) return known.size
  if (stats.size === 0n) throw new Error('the file is empty')
  const header = new Uint8Array(Math.min(Number(stats.size), headerBytes))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  // A file that cannot be measured throws, and is read again next time.
  const { width, height } = imageSize(header)
  const size = { width, height }
  sizes.set(file, { version, size })
  return size
}

/**
 * The files (absolute) that the relative images of `pages` (in the guide's folder
 * `docs`) name: a watcher that sees one change passes it to the next load as changed.
 */
export function imageFiles(pages: readonly GuidePage[], docs: string): Set<string> {
  const files = new Set<string>()
  for (const page of pages) {
    const images = localImages(page.path, page.tree)
    let absolute = absoluteFiles.get(images)
    if (absolute?.docs !== docs) {
      absolute = { docs, files: images.map(({ file }) => join(docs, ...file.split('/'))) }
      absoluteFiles.set(images, absolute)
    }
    for (const file of absolute.files) files.add(file)
  }
  return files
}

/**
 * Whether a file (absolute) is one that the relative images of `pages` name, as
 * {@link imageFiles} lists them: listed on the first call, so a load that only pages
 * change after (a save of a page in the Vite plugin or the Astro loader) never lists them.
 */
export function isImageOf(pages: readonly GuidePage[], docs: string): (file: string) => boolean {
  let files: Set<string> | undefined
  return (file) => (files ??= imageFiles(pages, docs)).has(file)
}

/** The absolute files of a page's list of images ({@link localImages}), by list. */
const absoluteFiles = new WeakMap<object, { docs: string; files: string[] }>()

/**
 * The pages whose images were all found and measured, with the files measured: while a
 * page is the same (the same parse) and none of its images changed, its sizes stand.
 */
const measured = new WeakMap<GuidePage, string[]>()

/**
 * The image stamps of a load in a new process (the cache folder's): the sizes the last
 * load read, by absolute path, and where to keep those of this load.
 */
export interface ImageStamps {
  read: ReadonlyMap<string, ImageStamp>
  keep(path: string, stamp: ImageStamp): void
}

/**
 * Check and measure the relative images of `pages` (in the guide's folder `docs`),
 * reporting on each page's file. With `changed`, the only image files (absolute) that
 * may have changed since the pages were last measured: a page measured then, none of
 * whose images is one of them, is not measured again. With `stamps`, an image file
 * whose stamp is the one kept takes the size kept with it, unread; a file changed
 * within two seconds is not stamped ({@link settledStamp}).
 */
export async function measureImages(
  pages: readonly { page: GuidePage; file: VFile }[],
  docs: string,
  changed?: ReadonlySet<string>,
  stamps?: ImageStamps,
): Promise<void> {
  const now = Date.now()
  // Each file once: pages name the same images.
  const stamped = new Set<string>()
  for (const { page, file } of pages) {
    const known = measured.get(page)
    if (changed && known?.every((image) => !changed.has(image))) continue
    measured.delete(page)
    const files: string[] = []
    let reported = false
    for (const { node, src, file: image } of localImages(page.path, page.tree)) {
      if (image === '..' || image.startsWith('../')) {
        reported = true
        report(
          file,
          `The image \`${src}\` is outside the guide's folder: put it in the folder, or write a full URL`,
          node.position,
          'image-file',
        )
        continue
      }
      const absolute = join(docs, ...image.split('/'))
      const stats = statSync(absolute, { bigint: true, throwIfNoEntry: false })
      if (!stats?.isFile()) {
        reported = true
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
        const stamp = stamps && fileStamp(stats)
        const kept = stamp === undefined ? undefined : stamps!.read.get(absolute)
        const same = kept !== undefined && kept.stamp === stamp
        size = same ? kept : sizeOf(absolute, stats)
        if (stamp !== undefined && !stamped.has(absolute) && settledStamp(stats, now)) {
          stamped.add(absolute)
          const { width, height } = size
          stamps!.keep(absolute, { stamp, width, height, hash: same ? kept.hash : undefined })
        }
      } catch (error) {
        reported = true
        report(
          file,
          `The image \`${src}\` could not be measured: ${(error as Error).message}`,
          node.position,
          'image-file',
        )
        continue
      }
      const { width, height } = size
      files.push(absolute)
      const before = node.type === 'figure' ? node : node.data?.hProperties
      if (before?.width === width && before.height === height) continue
      givenChanged(page)
      if (node.type === 'figure') Object.assign(node, { width, height })
      else node.data = { ...node.data, hProperties: { ...node.data?.hProperties, width, height } }
    }
    if (!reported) measured.set(page, files)
  }
}
