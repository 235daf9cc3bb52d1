import { EventEmitter } from 'node:events'
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { guideLoader, guideOverlay, type GuideEntryData } from '@ai-engineer/content/astro'
import type { LoaderContext } from 'astro/loaders'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { guideData, loadGuide } from '../src/guide/index.ts'

/**
 * The Astro content loader against a loader context of our own that keeps entries as
 * Astro's data store does (an entry whose digest is the same is not written again), with
 * a watcher we fire by hand: what it stores, what a save writes, what an error does.
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))

interface Entry {
  id: string
  data: GuideEntryData
  digest?: string | number | undefined
  filePath?: string | undefined
}

interface Harness {
  context: LoaderContext
  entries: Map<string, Entry>
  /** The ids of the entries written, in order, across loads. */
  written: string[]
  logs: { info: string[]; warn: string[]; error: string[] }
  /** The loader's summary of each load: `7 pages in … ms (…)`. */
  summaries: () => string[]
  watcher: EventEmitter & { watched: string[] }
}

function harness(root: string): Harness {
  const entries = new Map<string, Entry>()
  const written: string[] = []
  const logs = { info: [] as string[], warn: [] as string[], error: [] as string[] }
  const watcher = Object.assign(new EventEmitter(), {
    watched: [] as string[],
    add(paths: string | string[]) {
      watcher.watched.push(...(Array.isArray(paths) ? paths : [paths]))
      return watcher
    },
  })
  const store = {
    get: (id: string) => entries.get(id),
    set(entry: Entry) {
      if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false
      entries.set(entry.id, entry)
      written.push(entry.id)
      return true
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    addModuleImport() {},
  }
  const logger = {
    info: (message: string) => logs.info.push(message),
    warn: (message: string) => logs.warn.push(message),
    error: (message: string) => logs.error.push(message),
    debug() {},
  }
  const context = {
    collection: 'guide',
    store,
    meta: new Map<string, string>(),
    logger,
    config: {
      root: pathToFileURL(`${root}/`),
      cacheDir: pathToFileURL(join(root, 'node_modules', '.astro') + '/'),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: Record<string, unknown> | string) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    watcher,
  }
  const summaries = () => logs.info.filter((message) => /^\d+ pages? in \d+ ms/.test(message))
  return {
    context: context as unknown as LoaderContext,
    entries,
    written,
    logs,
    summaries,
    watcher,
  }
}

let root: string
let dir: string
let docs: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-astro-'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

beforeEach(async () => {
  dir = await mkdtemp(join(root, 'site-'))
  await cp(fixture, join(dir, 'guide'), { recursive: true })
  docs = join(dir, 'guide', 'docs')
})

describe('guideLoader', () => {
  test('should store one entry a page, in nav order, with its place in the nav and its images', async () => {
    const { context, entries, logs } = harness(dir)
    await guideLoader({ guide: 'guide/mkdocs.yml' }).load(context)
    // The fixture's one note (a page outside the nav) is logged as a note, at its place.
    expect(logs.warn).toEqual([])
    expect(logs.info[0]).toBe(
      'guide/mkdocs.yml:15:1: info The page `drafts/notes.md` is built, but the `nav` does not ' +
        'list it (page-not-in-nav)',
    )
    const loaded = await loadGuide(join(dir, 'guide', 'mkdocs.yml'), { cwd: dir })
    const data = guideData(loaded.guide!)

    const all = [...entries.values()].sort((a, b) => a.data.order - b.data.order)
    expect(all.map((entry) => entry.id)).toEqual(data.pages.map((page) => page.id))
    expect(all.map((entry) => entry.data.order)).toEqual(data.pages.map((_, index) => index))
    for (const [index, entry] of all.entries()) {
      expect(entry.data.tree).toEqual(data.pages[index]!.tree)
      expect(entry.data.guide).toEqual({ title: 'Shipping Software', nav: data.nav })
    }

    const unit = entries.get('testing/unit')!
    expect(unit.filePath).toBe('guide/docs/testing/unit.md')
    expect(unit.data.groups).toEqual([{ title: 'Run' }, { title: 'Testing' }])
    expect(unit.data.prev).toBe('testing/api')
    expect(entries.get('index')!.data.groups).toEqual([])

    const deployment = entries.get('deployment')!.data
    expect(deployment.title).toBe('Deployment')
    expect(deployment.headings).toEqual([
      { depth: 1, id: 'deployment', text: 'Deployment' },
      { depth: 2, id: 'basics', text: 'Basics' },
      { depth: 2, id: 'rollouts', text: 'Rollouts' },
    ])
    // Astro imports each image against the entry's file, and turns the string into the
    // emitted image's metadata when the entry is read.
    expect(deployment.images).toEqual({
      'images/pipeline.png': '__ASTRO_IMAGE_./images/pipeline.png',
    })
    expect(entries.get('testing/unit')!.data.images).toEqual({})
  })

  test('should load the guide the package ships when given none', async () => {
    const { context, entries } = harness(dir)
    await guideLoader().load(context)
    expect([...entries.keys()]).toEqual(['intro'])
    expect(entries.get('intro')!.data.title).toBe('So You Wana Be an AI Engineer?')
  })

  test('should write no entry again when nothing changed', async () => {
    const { context, written } = harness(dir)
    await guideLoader({ guide: 'guide' }).load(context)
    expect(written).toHaveLength(7)
    // A new process (a new loader) over the same store, as `astro build` after `astro dev`.
    const { watcher: _, ...build } = context
    await guideLoader({ guide: 'guide' }).load(build)
    expect(written).toHaveLength(7)
  })

  test('should write only the saved page in dev, and watch the guide folder', async () => {
    const { context, written, summaries, watcher, entries } = harness(dir)
    await guideLoader({ guide: 'guide/mkdocs.yml' }).load(context)
    expect(watcher.watched).toEqual([docs, join(dir, 'guide', 'mkdocs.yml')])
    written.length = 0

    const file = join(docs, 'docker.md')
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('cooks the same meal', 'bakes the same bread'),
    )
    watcher.emit('change', file)
    await vi.waitFor(() => expect(summaries()).toHaveLength(2))
    expect(written).toEqual(['docker'])
    expect(summaries()[1]).toMatch(
      /^7 pages in \d+ ms \(1 parsed, 6 from the cache; 1 entry written\)$/,
    )
    expect(JSON.stringify(entries.get('docker')!.data.tree)).toContain('bakes the same bread')

    // A file that is not the guide's changes nothing.
    watcher.emit('change', join(dir, 'src', 'pages', 'index.astro'))
    await unlink(join(docs, 'drafts', 'notes.md'))
    watcher.emit('unlink', join(docs, 'drafts', 'notes.md'))
    await vi.waitFor(() => expect(summaries()).toHaveLength(3))
    expect(entries.has('drafts/notes')).toBe(false)
    expect(written).toEqual(['docker'])

    // An image a page names is measured again: resized, its page's entry is written.
    const image = join(docs, 'images', 'layers.svg')
    await writeFile(image, (await readFile(image, 'utf8')).replace(/width="\d+"/, 'width="333"'))
    watcher.emit('change', image)
    await vi.waitFor(() => expect(summaries()).toHaveLength(4))
    expect(summaries()[3]).toMatch(/\(0 parsed, 6 from the cache; 1 entry written\)$/)
    expect(written).toEqual(['docker', 'docker'])
    expect(JSON.stringify(entries.get('docker')!.data.tree)).toContain('"width":333')
  })

  test('should take a save seen half written whose last change the watcher dropped', async () => {
    const { context, logs, watcher, entries } = harness(dir)
    await guideLoader({ guide: 'guide/mkdocs.yml' }).load(context)
    const file = join(docs, 'docker.md')
    const text = await readFile(file, 'utf8')
    // The watcher reports the file while it is empty, and not the write that fills it.
    await writeFile(file, '')
    watcher.emit('change', file)
    await vi.waitFor(() => expect(logs.error).toHaveLength(1))
    expect(logs.error[0]).toContain('guide/docs/docker.md:1:1: error The page has no title')
    await writeFile(file, text.replace('cooks the same meal', 'bakes the same bread'))
    await vi.waitFor(() =>
      expect(JSON.stringify(entries.get('docker')!.data.tree)).toContain('bakes the same bread'),
    )
  })

  test('should keep the last good entries and log the error at its line and column when a save breaks the guide', async () => {
    const { context, logs, watcher, entries } = harness(dir)
    await guideLoader({ guide: 'guide/mkdocs.yml' }).load(context)
    const before = entries.get('docker')

    const file = join(docs, 'docker.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\n![Gone](images/gone.png)\n`)
    watcher.emit('change', file)
    await vi.waitFor(() => expect(logs.error).toHaveLength(1))
    expect(logs.error[0]).toBe(
      'guide/docs/docker.md:23:1: error The image `images/gone.png` is missing: no file ' +
        "`images/gone.png` in the guide's folder (image-file)",
    )
    expect(entries.get('docker')).toBe(before)
  })

  test('should reject the first load of a broken guide with each error at path:line:column', async () => {
    await writeFile(join(docs, 'cicd.md'), '# CI/CD\n\n![Gone](images/gone.png)\n')
    // `astro build` and `astro sync` give no watcher.
    const { watcher: _, ...build } = harness(dir).context
    await expect(guideLoader({ guide: 'guide/mkdocs.yml' }).load(build)).rejects.toThrow(
      /guide\/docs\/cicd\.md:3:1: The image `images\/gone\.png` is missing/,
    )
  })
})

describe('guideOverlay', () => {
  /** A dev server as the integration sees it: what it sends, and a page connecting. */
  function devServer() {
    const hot = Object.assign(new EventEmitter(), { sent: [] as unknown[] })
    const send = (payload: unknown) => void hot.sent.push(payload)
    const server = { environments: { client: { hot: Object.assign(hot, { send }) } } }
    return { server, hot, connect: () => hot.emit('connection') }
  }

  function setUp(server: unknown) {
    const integration = guideOverlay()
    const hooks = integration.hooks as Record<string, (options: unknown) => void>
    hooks['astro:server:setup']!({ server })
    return () => hooks['astro:server:done']!({})
  }

  test('should start astro dev on a broken guide, show its error in the overlay, and reload once it is fixed', async () => {
    const { server, hot, connect } = devServer()
    const done = setUp(server)
    const file = join(docs, 'cicd.md')
    const text = await readFile(file, 'utf8')
    await writeFile(file, `${text}\n![Gone](images/gone.png)\n`)
    const line = text.split('\n').length + 1

    const { context, logs, watcher, entries, summaries } = harness(dir)
    await guideLoader({ guide: 'guide/mkdocs.yml' }).load(context)
    expect(entries.size).toBe(0)
    expect(logs.error).toEqual([
      `guide/docs/cicd.md:${line}:1: error The image \`images/gone.png\` is missing: no file ` +
        "`images/gone.png` in the guide's folder (image-file)",
    ])
    expect(watcher.watched).toEqual([docs, join(dir, 'guide', 'mkdocs.yml')])
    // The place is relative to the root (Astro joins it to the root); every error is in
    // place of a stack, as the terminal has them; the page's text is there to show.
    const error = {
      type: 'error',
      err: {
        plugin: '@ai-engineer/content/astro',
        id: 'guide/docs/cicd.md',
        loc: { file: 'guide/docs/cicd.md', line, column: 1 },
        message: expect.stringContaining(
          `guide/docs/cicd.md:${line}:1: The image \`images/gone.png\` is missing`,
        ),
        frame: expect.stringContaining(`> ${line} | ![Gone](images/gone.png)`),
        stack: logs.error[0],
        fullCode: `${text}\n![Gone](images/gone.png)\n`,
      },
    }
    expect(hot.sent).toEqual([error])
    // A page opened while the guide is broken gets the error too.
    connect()
    expect(hot.sent).toEqual([error, error])

    await writeFile(file, text)
    watcher.emit('change', file)
    await vi.waitFor(() => expect(summaries()).toHaveLength(1))
    expect(entries.size).toBe(7)
    expect(hot.sent).toEqual([error, error, { type: 'full-reload', path: '*' }])
    connect()
    expect(hot.sent).toHaveLength(3)

    // A stopped server is sent nothing.
    done()
    await writeFile(file, `${text}\n![Gone](images/gone.png)\n`)
    watcher.emit('change', file)
    await vi.waitFor(() => expect(logs.error.length).toBeGreaterThan(1))
    expect(hot.sent).toHaveLength(3)
  })

  test('should send a save that breaks a guide once, and nothing while it compiles', async () => {
    const { server, hot } = devServer()
    const done = setUp(server)
    const { context, watcher, summaries, logs } = harness(dir)
    await guideLoader({ guide: 'guide' }).load(context)
    const file = join(docs, 'docker.md')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('cooks the same meal', 'bakes the same bread'))
    watcher.emit('change', file)
    await vi.waitFor(() => expect(summaries()).toHaveLength(2))
    expect(hot.sent).toEqual([])

    await writeFile(file, '')
    watcher.emit('change', file)
    await vi.waitFor(() => expect(hot.sent).toHaveLength(1))
    expect(hot.sent[0]).toMatchObject({
      type: 'error',
      err: {
        loc: { file: 'guide/docs/docker.md', line: 1, column: 1 },
        message: expect.stringContaining('no title'),
      },
    })
    // The same error read again is not sent again.
    const { length } = logs.error
    watcher.emit('change', file)
    await vi.waitFor(() => expect(logs.error.length).toBeGreaterThan(length))
    expect(hot.sent).toHaveLength(1)
    done()
  })
})
