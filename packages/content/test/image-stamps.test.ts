import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { afterChanges, guideCase, readsHook, traceBin } from './helpers.ts'

/**
 * Image files taken by their stamps: `build` in a new process takes the size of an image
 * whose file is as it was, and the hash of its bytes, from the cache folder, without
 * reading the file. The bin runs with a hook (`--import`) that lists every image file it
 * opens or reads, and sets its clock (`Date.now`) to the time a test gives, so a file is
 * old enough to be stamped without waiting.
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))

let root: string
let guide: string
let cacheDir: string
let out: string
let hook: string
/** The time the bin's clock reads (ms since the epoch); `undefined`: the real one. */
let clock: number | undefined

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-image-stamps-'))
  hook = await readsHook(root, /\.(png|svg)$/)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

beforeEach(async () => {
  ;({ guide, cacheDir, out } = await guideCase(root, fixture))
  clock = undefined
})

/** A PNG of `width` × `height` as far as its header goes: what a size is read from. */
function png(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0)
  bytes.writeUInt32BE(13, 8)
  bytes.write('IHDR', 12, 'latin1')
  bytes.writeUInt32BE(width, 16)
  bytes.writeUInt32BE(height, 20)
  bytes.set([8, 6, 0, 0, 0], 24)
  return bytes
}

/** Set the bin's clock `ms` after the last change of any file of the guide. */
async function clockAfterChanges(ms: number): Promise<void> {
  clock = await afterChanges(join(guide, 'docs'), ms)
}

/**
 * `ai-engineer-content build` with its cache folder, in a new process: the image files
 * it read (relative to the guide's folder), the figures' sizes in the pages' modules and
 * the images' names in the output.
 */
async function build(): Promise<{ read: string[]; sizes: string[]; assets: string[] }> {
  const {
    code,
    stderr,
    read: paths,
  } = await traceBin(hook, ['build', 'mkdocs.yml', '--out', out, '--cache-dir', cacheDir], {
    cwd: guide,
    clock,
  })
  expect(code, stderr).toBe(0)
  const read = paths.map((path) => relative(join(guide, 'docs'), path).split('\\').join('/'))
  const sizes: string[] = []
  for (const page of ['docker', 'deployment']) {
    const text = await readFile(join(out, 'pages', `${page}.js`), 'utf8')
    for (const [, width, height] of text.matchAll(/width\\":(\d+),\\"height\\":(\d+)/g)) {
      sizes.push(`${page} ${width}×${height}`)
    }
  }
  return {
    read: [...new Set(read)].sort(),
    sizes,
    assets: (await readdir(join(out, 'assets'))).sort(),
  }
}

const both = ['images/layers.svg', 'images/pipeline.png']

describe('ai-engineer-content build, images taken by their stamps', () => {
  test('should read no image file in a new process when none changed, and build the same', async () => {
    await clockAfterChanges(3000)
    const first = await build()
    expect(first.read).toEqual(both)
    expect(first.sizes).toEqual(['docker 120×90', 'deployment 8×4'])
    const second = await build()
    expect(second.read).toEqual([])
    expect(second).toEqual({ ...first, read: [] })
  })

  test('should read an image file that changed, and give its new size and name', async () => {
    await clockAfterChanges(3000)
    const first = await build()
    await writeFile(join(guide, 'docs/images/pipeline.png'), png(16, 9))
    await clockAfterChanges(3000)
    const second = await build()
    expect(second.read).toEqual(['images/pipeline.png'])
    expect(second.sizes).toEqual(['docker 120×90', 'deployment 16×9'])
    expect(second.assets).not.toEqual(first.assets)
    expect(second.assets.filter((name) => name.startsWith('layers.'))).toEqual(
      first.assets.filter((name) => name.startsWith('layers.')),
    )
    // Stamped again: the next build reads none.
    expect((await build()).read).toEqual([])
  })

  test('should not stamp an image file changed in the last two seconds', async () => {
    await clockAfterChanges(1000)
    await build()
    expect((await build()).read).toEqual(both)
    await clockAfterChanges(2500)
    await build()
    expect((await build()).read).toEqual([])
  })

  test('should read every image when the stamps cannot be read, and build the same', async () => {
    await clockAfterChanges(3000)
    const first = await build()
    const [folder] = await readdir(cacheDir)
    const stamps = join(cacheDir, folder!, 'images.json')
    expect(JSON.parse(await readFile(stamps, 'utf8'))).toMatchObject({ images: expect.any(Object) })
    await writeFile(stamps, '{"context": "')
    const second = await build()
    expect(second).toEqual({ ...first })
  })
})
