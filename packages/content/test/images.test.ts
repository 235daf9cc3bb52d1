import { guides } from '@ai-engineer/content/vite'
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { visit } from 'unist-util-visit'
import { build, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { imageFile, loadGuide, pageData, pageSource } from '../src/guide/index.ts'
import type { Figure, GuidePage } from '../src/types.ts'

/**
 * Images with a relative `src`: resolved against their page, checked, measured from their
 * file's header, and emitted with a hashed name by `build` and the Vite plugin. The images
 * are our own (the fixture's `layers.svg`, 120 × 90, and `pipeline.png`, 8 × 4).
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))
const cli = fileURLToPath(new URL('../bin/ai-engineer-content.js', import.meta.url))

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-images-'))
  await cp(fixture, join(root, 'guide'), { recursive: true })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

function figuresOf(page: GuidePage): Figure[] {
  const found: Figure[] = []
  visit(page.tree, 'figure', (node: Figure) => void found.push(node))
  return found
}

/** A guide of one page with `body`, and images copied from the fixture, loaded. */
async function loadPage(body: string) {
  const dir = await mkdtemp(join(root, 'page-'))
  await mkdir(join(dir, 'docs/art'), { recursive: true })
  await cp(join(fixture, 'docs/images/pipeline.png'), join(dir, 'docs/art/a b.png'))
  await writeFile(join(dir, 'docs/art/notes.png'), 'Not an image.\n')
  await writeFile(join(dir, 'docs/art/empty.png'), '')
  await writeFile(join(dir, 'docs/index.md'), `# Images\n\n${body}\n`)
  return loadGuide(join(dir, 'docs'), { cwd: dir })
}

describe('imageFile()', () => {
  test('should resolve a relative src against its page, and leave URLs alone', () => {
    expect(imageFile('testing/api.md', '../images/a.png')).toBe('images/a.png')
    expect(imageFile('testing/api.md', 'a%20b.png?v=2#x')).toBe('testing/a b.png')
    expect(imageFile('index.md', './images/a.png')).toBe('images/a.png')
    for (const url of [
      'https://example.com/a.png',
      '/images/a.png',
      'data:image/png;base64,AA',
      '',
    ]) {
      expect(imageFile('index.md', url)).toBeUndefined()
    }
  })
})

describe('loading a guide', () => {
  test('should record the width and height of each figure from its file', async () => {
    const { guide } = await loadGuide(join(root, 'guide'))
    const sizes = guide!.pages.flatMap((page) =>
      figuresOf(page).map((figure) => [page.id, figure.src, figure.width, figure.height]),
    )
    expect(sizes).toEqual([
      ['docker', 'images/layers.svg', 120, 90],
      ['deployment', 'images/pipeline.png', 8, 4],
    ])
  })

  test('should measure a markdown image too, and give its size to HTML', async () => {
    const { guide } = await loadPage('![A pipeline](art/a%20b.png)')
    let found: unknown
    visit(guide!.pages[0]!.tree, 'image', (node) => void (found = node.data))
    expect(found).toEqual({ hProperties: { width: 8, height: 4 } })
  })

  test('should measure an image again when its file changes, in the same process', async () => {
    const dir = await mkdtemp(join(root, 'changed-'))
    await mkdir(join(dir, 'docs'), { recursive: true })
    await writeFile(join(dir, 'docs/index.md'), '# Images\n\n![A box](box.svg)\n')
    const box = (width: number, height: number): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>\n`
    const size = async (): Promise<unknown> => {
      const { guide } = await loadGuide(join(dir, 'docs'), { cwd: dir })
      let found: unknown
      visit(guide!.pages[0]!.tree, 'image', (node) => void (found = node.data?.hProperties))
      return found
    }
    await writeFile(join(dir, 'docs/box.svg'), box(30, 20))
    expect(await size()).toEqual({ width: 30, height: 20 })
    expect(await size()).toEqual({ width: 30, height: 20 })
    // Another size, in a file of another length.
    await writeFile(join(dir, 'docs/box.svg'), box(400, 300))
    expect(await size()).toEqual({ width: 400, height: 300 })
  })

  test('should report a missing image at its line and column, and build nothing', async () => {
    const loaded = await loadPage('Text.\n\n![A chart](art/chart.png)')
    expect(loaded.guide).toBeUndefined()
    const messages = loaded.files.flatMap((file) => file.messages)
    expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['image-file', 5, 1],
    ])
    expect(messages[0]!.reason).toContain('no file `art/chart.png`')
    expect(messages[0]!.fatal).toBe(true)
  })

  test('should report an image that cannot be measured at its line and column', async () => {
    const loaded = await loadPage('![Notes](art/notes.png)\n\n![Nothing](art/empty.png)')
    expect(loaded.guide).toBeUndefined()
    const messages = loaded.files.flatMap((file) => file.messages)
    expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['image-file', 3, 1],
      ['image-file', 5, 1],
    ])
    expect(messages[0]!.reason).toMatch(/^The image `art\/notes\.png` could not be measured: /)
    expect(messages[1]!.reason).toBe(
      'The image `art/empty.png` could not be measured: the file is empty',
    )
  })

  test('should measure a JPEG whose size comes after a long metadata segment', async () => {
    // Start of image, three 60 kB application segments, then the frame with the size.
    const segment = (marker: number, body: Uint8Array): Uint8Array => {
      const head = [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]
      return new Uint8Array([...head, ...body])
    }
    const frame = [8, 0, 48, 0, 64, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    const parts = [
      new Uint8Array([0xff, 0xd8]),
      ...[1, 2, 3].map(() => segment(0xe2, new Uint8Array(60_000).fill(0x41))),
      segment(0xc0, new Uint8Array(frame)),
      new Uint8Array([0xff, 0xd9]),
    ]
    const dir = await mkdtemp(join(root, 'jpeg-'))
    await mkdir(join(dir, 'docs'), { recursive: true })
    await writeFile(join(dir, 'docs/photo.jpg'), Buffer.concat(parts))
    await writeFile(join(dir, 'docs/index.md'), '# Photo\n\n![A photo](photo.jpg)\n')
    const { guide, files } = await loadGuide(join(dir, 'docs'), { cwd: dir })
    expect(files.flatMap((file) => file.messages)).toEqual([])
    let found: unknown
    visit(guide!.pages[0]!.tree, 'image', (node) => void (found = node.data?.hProperties))
    expect(found).toEqual({ width: 64, height: 48 })
  })

  test('should refuse an image outside the guide’s folder', async () => {
    const loaded = await loadPage('![Up](../secret.png)')
    expect(loaded.files.flatMap((file) => file.messages).map((message) => message.reason)).toEqual([
      "The image `../secret.png` is outside the guide's folder: put it in the folder, or write a full URL",
    ])
  })

  test('should leave a remote image as it is, unmeasured', async () => {
    const { guide } = await loadPage('![Remote](https://example.com/chart.png)')
    let found: unknown = 'none'
    visit(guide!.pages[0]!.tree, 'image', (node) => void (found = node.data))
    expect(found).toBeUndefined()
  })
})

describe('emitting images', () => {
  test('should write a page’s module with its images’ URLs, leaving the page’s data as it was', async () => {
    const { guide } = await loadPage('![A pipeline](art/a%20b.png)')
    // The Vite plugin keeps a page's data across saves, and writes its module each time.
    const data = pageData(guide!.pages[0]!)
    const before = JSON.stringify(data)
    const image = (file: string) => ({ expression: JSON.stringify(`/assets/${file}`) })
    const module = pageSource(data, image)
    expect(module).toContain('const i0 = "/assets/art/a b.png"')
    expect(JSON.stringify(data)).toBe(before)
    expect(pageSource(data, image)).toBe(module)
  })

  test('should copy each image into `build`’s output with a hashed name, its URL in the tree', async () => {
    const out = join(root, 'built')
    await promisify(execFile)(process.execPath, [cli, 'build', join(root, 'guide'), '--out', out])
    const assets = (await readdir(join(out, 'assets'))).sort()
    expect(assets).toEqual([
      expect.stringMatching(/^layers\.[0-9a-f]{8}\.svg$/),
      expect.stringMatching(/^pipeline\.[0-9a-f]{8}\.png$/),
    ])
    expect(await readFile(join(out, 'assets', assets[1]!))).toEqual(
      await readFile(join(fixture, 'docs/images/pipeline.png')),
    )
    const module = (await import(pathToFileURL(join(out, 'index.js')).href)) as {
      loadPage: (id: string) => Promise<GuidePage>
      getPage: (id: string) => GuidePage
    }
    const [figure] = figuresOf(await module.loadPage('deployment'))
    expect(figure!.src).toBe(pathToFileURL(join(out, 'assets', assets[1]!)).href)
    expect(figuresOf(module.getPage('deployment'))[0]!.src).toBe(figure!.src)
  })

  test('should keep the `src` of a missing image when its rule is only a warning', async () => {
    const dir = await mkdtemp(join(root, 'warned-'))
    await cp(join(root, 'guide'), dir, { recursive: true })
    await rm(join(dir, 'docs/images/layers.svg'))
    const out = join(dir, 'out')
    const { stderr } = await promisify(execFile)(process.execPath, [
      cli,
      'build',
      dir,
      '--out',
      out,
      '--rule',
      'image-file=warn',
    ])
    expect(stderr).toMatch(
      /docker\.md\n\s*10:1-13:10\s+warning\s+The image `images\/layers\.svg` is missing/,
    )
    expect(await readdir(join(out, 'assets'))).toEqual([
      expect.stringMatching(/^pipeline\.[0-9a-f]{8}\.png$/),
    ])
    const module = (await import(pathToFileURL(join(out, 'index.js')).href)) as {
      loadPage: (id: string) => Promise<GuidePage>
    }
    expect(figuresOf(await module.loadPage('docker'))[0]!.src).toBe('images/layers.svg')
  })

  test('should emit each image through Vite with a hashed name, its URL in the tree', async () => {
    await writeFile(
      join(root, 'main.js'),
      `import { loadPage } from 'virtual:guides'
       const page = await loadPage('deployment')
       document.title = page.figures[0].src`,
    )
    const output = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [guides({ dir: 'guide', dts: false })],
      build: {
        write: false,
        rollupOptions: { input: join(root, 'main.js') },
      },
    })) as Rollup.RollupOutput
    const asset = output.output.find(
      (file) => file.type === 'asset' && /pipeline-[\w-]+\.png$/.test(file.fileName),
    )
    expect(asset).toBeDefined()
    // Even an image under Vite's inlining limit (4 kB) is a file of its own.
    expect(output.output.some((file) => /layers-[\w-]+\.svg$/.test(file.fileName))).toBe(true)
    // The page's chunk imports nothing: run it as it is.
    const chunk = output.output.find(
      (file): file is Rollup.OutputChunk =>
        file.type === 'chunk' && file.isDynamicEntry && file.code.includes('"id":"deployment"'),
    )!
    const page = (await import(`data:text/javascript,${encodeURIComponent(chunk.code)}`)) as {
      default: GuidePage
    }
    expect(figuresOf(page.default)[0]!.src).toBe(`/${asset!.fileName}`)
  })
})
