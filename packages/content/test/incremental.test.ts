import type { Link } from 'mdast'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { reporter } from 'vfile-reporter'
import { guides } from '@ai-engineer/content/vite'
import { build, createLogger } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { PageCache, pipelineVersion } from '../src/guide/cache.ts'
import { defaultThreads, threadsFor } from '../src/guide/parse-pages.ts'
import {
  guideData,
  guideIndex,
  guideIndexJson,
  loadGuide,
  nodesOf,
  type LoadedGuide,
  type LoadOptions,
  type ParsedPage,
} from '../src/guide/index.ts'
import { guideCase } from './helpers.ts'

/**
 * Incremental and parallel compiles: each page's parse is kept in a cache folder between
 * runs, keyed by everything it depends on, so a load parses only the pages that changed;
 * the checks of the whole guide (nav, links, images) still run over every page. Many
 * pages are parsed across worker threads (the built package), to the same bytes.
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))
const cli = fileURLToPath(new URL('../bin/ai-engineer-content.js', import.meta.url))
const run = promisify(execFile)

let root: string
let guide: string
let cacheDir: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-incremental-'))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

beforeEach(async () => {
  ;({ guide, cacheDir } = await guideCase(root, fixture))
})

function load(options: LoadOptions = {}): Promise<LoadedGuide> {
  return loadGuide(join(guide, 'mkdocs.yml'), { cwd: root, cacheDir, ...options })
}

/** What a load gives a user: the guide's data and every message as the CLI prints them. */
function output(loaded: LoadedGuide): { data: unknown; messages: string } {
  return {
    data: loaded.guide && guideData(loaded.guide),
    messages: reporter(loaded.files, { color: false }),
  }
}

async function edit(page: string, change: (text: string) => string): Promise<void> {
  const file = join(guide, 'docs', page)
  await writeFile(file, change(await readFile(file, 'utf8')))
}

describe('loadGuide() with a cache folder', () => {
  test('should load cached pages as outlines, and give each whole with what the guide gave it', async () => {
    const whole = await load()
    // The first load with outlines reads the entries and keeps their outlines.
    expect((await load({ outlines: true })).parsed).toEqual({ count: 0, threads: 1, cached: 7 })
    await edit('docker.md', (text) => text.replace('## Images', '## Container images'))
    const outlined = await load({ outlines: true })
    expect(outlined.parsed).toEqual({ count: 1, threads: 1, cached: 6 })
    const fresh = await load({ cacheDir: undefined })
    // The edited page is parsed, stored and given back as its outline too.
    const outlines = [...outlined.pages.values()].filter((page) => page.outline)
    expect(outlines.map((page) => page.path)).toHaveLength(7)
    const parsed = [...outlined.pages.values()].filter((page) => page.fresh)
    expect(parsed.map((page) => page.path)).toEqual(['docker.md'])
    // An outline holds less than the page, but every message is the same, and so is
    // each page made whole, and the index.
    const [page] = outlines
    expect(JSON.stringify(page!.page!.tree).length).toBeLessThan(
      JSON.stringify(whole.pages.get(join(guide, 'docs', page!.path))!.page!.tree).length,
    )
    expect(reporter(outlined.files, { color: false })).toBe(reporter(fresh.files, { color: false }))
    const pages = await Promise.all(outlined.guide!.pages.map((page) => outlined.wholePage(page)))
    expect(guideData({ ...outlined.guide!, pages })).toEqual(guideData(fresh.guide!))
    expect(guideIndex(guideData(outlined.guide!))).toEqual(guideIndex(guideData(fresh.guide!)))
  })

  test('should parse no page again when nothing changed, and load the same guide', async () => {
    const first = await load()
    expect(first.parsed).toEqual({ count: 7, threads: 1, cached: 0 })
    const second = await load()
    expect(second.parsed).toEqual({ count: 0, threads: 1, cached: 7 })
    expect(output(second)).toEqual(output(first))
    // The page `drafts/notes.md` is outside the nav: an info on `mkdocs.yml`, every time.
    expect(output(second).messages).toContain('page-not-in-nav')
  })

  test('should parse only the edited page, and load what a load without a cache loads', async () => {
    await load()
    await edit('docker.md', (text) => `${text}\nOne more paragraph about :whale: images.\n`)
    const loaded = await load()
    expect(loaded.parsed).toEqual({ count: 1, threads: 1, cached: 6 })
    expect(output(loaded)).toEqual(output(await load({ cacheDir: undefined })))
    expect(JSON.stringify(output(loaded).data)).toContain('One more paragraph about ')
  })

  test('should re-check the links of other pages to a section whose id changed', async () => {
    const first = await load()
    expect(output(first).messages).not.toContain('link-anchor')
    await edit('docker.md', (text) => text.replace('## Images', '## Pictures'))
    const loaded = await load()
    // Only docker.md is parsed again; testing/api.md, which links to `docker.md#images`,
    // comes from the cache and still gets the warning at its link.
    expect(loaded.parsed.count).toBe(1)
    const api = loaded.files.find((file) => file.path.endsWith(join('testing', 'api.md')))!
    expect(api.messages.map((message) => [message.ruleId, message.line])).toContainEqual([
      'link-anchor',
      8,
    ])
    expect(output(loaded)).toEqual(output(await load({ cacheDir: undefined })))
    await edit('docker.md', (text) => text.replace('## Pictures', '## Images'))
    // The entry of the page as it was went with the last load (one entry a page).
    const back = await load()
    expect(back.parsed).toEqual({ count: 1, threads: 1, cached: 6 })
    expect(output(back).messages).not.toContain('link-anchor')
  })

  test('should parse every page again when the options change', async () => {
    await load()
    const loaded = await load({ rules: { 'page-not-in-nav': 'off' } })
    expect(loaded.parsed.count).toBe(7)
    expect(output(loaded).messages).not.toContain('page-not-in-nav')
  })

  test('should parse again a page whose entry cannot be read', async () => {
    const first = await load()
    const [folder] = await readdir(cacheDir)
    const entries = await readdir(join(cacheDir, folder!))
    await writeFile(join(cacheDir, folder!, entries[0]!), '{"page": {"tree"')
    const loaded = await load()
    expect(loaded.parsed.count).toBe(1)
    expect(output(loaded)).toEqual(output(first))
  })

  test('should keep one entry a page, removing those of older versions', async () => {
    await load()
    for (const n of [1, 2, 3]) {
      await edit('cicd.md', (text) => `${text}\nEdit ${n}.\n`)
      await load()
    }
    const folders = await readdir(cacheDir)
    expect(folders).toHaveLength(1)
    // One entry a page, and the entry of `mkdocs.yml`.
    expect(await readdir(join(cacheDir, folders[0]!))).toHaveLength(7 + 1)
  })

  test('should key an entry by the bytes, the paths, the options and the pipeline', () => {
    const cache = new PageCache(cacheDir, guide)
    const bytes = new TextEncoder().encode('# A\n')
    const paths = { path: 'docs/a.md', pagePath: 'a.md' }
    const key = cache.key(bytes, paths, '{}')
    expect(key).toMatch(/^[\da-f]{32}$/)
    expect(cache.key(bytes, paths, '{}')).toBe(key)
    for (const other of [
      cache.key(new TextEncoder().encode('# B\n'), paths, '{}'),
      cache.key(bytes, { ...paths, path: 'site/a.md' }, '{}'),
      cache.key(bytes, { ...paths, pagePath: 'b/a.md' }, '{}'),
      cache.key(bytes, paths, '{"maxBytes":10}'),
    ]) {
      expect(other).not.toBe(key)
    }
    expect(pipelineVersion()).toMatch(/^[\da-f]{16}$/)
  })
})

describe('the index across saves', () => {
  test('should give the JSON of the index, each page made again only when it changed', async () => {
    // The Vite plugin's way: one map of parsed pages kept across loads.
    const cache = new Map<string, ParsedPage>()
    const indexes = async (): Promise<[string, string]> => {
      const data = guideData((await load({ cache })).guide!)
      return [guideIndexJson(data), JSON.stringify(guideIndex(data))]
    }
    const [first, expected] = await indexes()
    expect(first).toBe(expected)
    await edit('docker.md', (text) => text.replace('## Images', '## Pictures'))
    const [second, fresh] = await indexes()
    expect(second).toBe(fresh)
    expect(second).toContain('"text":"Pictures"')
    expect(second).not.toContain('"text":"Images"')
  })

  test('should lead the links of a kept page to the sections their page has now', async () => {
    // testing/api.md links to `../docker.md#images`; only docker.md changes.
    const cache = new Map<string, ParsedPage>()
    const link = async (): Promise<{ pageLink: unknown; messages: string }> => {
      const loaded = await load({ cache })
      const api = loaded.guide!.pages.find((page) => page.path === 'testing/api.md')!
      const [found] = nodesOf<Link>(api.tree, ['link']).filter((node) =>
        node.url.startsWith('../docker.md#'),
      )
      return { pageLink: found!.data?.pageLink, messages: output(loaded).messages }
    }
    const first = await link()
    expect(first.pageLink).toEqual({ page: 'docker', from: 'testing/api', section: 'images' })
    await edit('docker.md', (text) => text.replace('## Images', '## Pictures'))
    const renamed = await link()
    expect(renamed.pageLink).toEqual({ page: 'docker', from: 'testing/api' })
    expect(renamed.messages).toMatch(/8:\d+-8:\d+ +warning +The link to `\.\.\/docker\.md#images`/)
    await edit('docker.md', (text) => text.replace('## Pictures', '## Images'))
    const back = await link()
    expect(back.pageLink).toEqual(first.pageLink)
    expect(back.messages).not.toContain('link-anchor')
  })

  test('should give each kept page the data a load from nothing gives, save after save', async () => {
    // The Vite plugin's way: one map of pages kept across loads, each told what changed.
    const cache = new Map<string, ParsedPage>()
    const docs = join(guide, 'docs')
    const data = async (changed?: string): Promise<string> => {
      const loaded = await load({ cache, changed: changed ? new Set([changed]) : undefined })
      return JSON.stringify(guideData(loaded.guide!))
    }
    const fresh = async (): Promise<string> =>
      JSON.stringify(guideData((await load({ cacheDir: undefined })).guide!))
    await data()
    // Where a kept page's link leads (testing/api.md links to `../docker.md#images`).
    await edit('docker.md', (text) => text.replace('## Images', '## Pictures'))
    const renamed = await data(join(docs, 'docker.md'))
    expect(renamed).toBe(await fresh())
    expect(renamed).toContain('"from":"testing/api"}')
    // An image's size (docker.md names layers.svg).
    const image = join(docs, 'images', 'layers.svg')
    await writeFile(image, (await readFile(image, 'utf8')).replace(/width="\d+"/, 'width="333"'))
    const resized = await data(image)
    expect(resized).toBe(await fresh())
    expect(resized).toContain('"width":333')
    // `prev` and `next`: the nav in another order.
    const config = join(guide, 'mkdocs.yml')
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        '      - Containers: docker.md\n      - CI/CD: cicd.md',
        '      - CI/CD: cicd.md\n      - Containers: docker.md',
      ),
    )
    const reordered = await data()
    expect(reordered).toBe(await fresh())
    expect(reordered).toContain(
      '"id":"docker","path":"docker.md","title":"Containers","prev":"cicd"',
    )
  })

  test('should read only the pages named as changed, taking the others from the cache', async () => {
    const cache = new Map<string, ParsedPage>()
    await load({ cache })
    await edit('docker.md', (text) => `${text}\nA line about docker.\n`)
    await edit('cicd.md', (text) => `${text}\nA line about pipelines.\n`)
    const docker = join(guide, 'docs', 'docker.md')
    const named = await load({ cache, changed: new Set([docker]) })
    expect(named.parsed).toEqual({ count: 1, threads: 1, cached: 6 })
    const parsed = [...named.pages.values()].filter((page) => page.fresh)
    expect(parsed.map((page) => page.path)).toEqual(['docker.md'])
    const text = JSON.stringify(guideData(named.guide!))
    expect(text).toContain('A line about docker.')
    expect(text).not.toContain('A line about pipelines.')
    // Read again, every page: the other edit is found.
    const all = await load({ cache })
    expect(all.parsed).toEqual({ count: 1, threads: 1, cached: 6 })
    expect(JSON.stringify(guideData(all.guide!))).toContain('A line about pipelines.')
    expect(output(all)).toEqual(output(await load({ cacheDir: undefined })))
  })
})

describe('the Vite plugin with a cache folder', () => {
  test('should parse no page again in a second build, and say so', async () => {
    const dir = join(guide, '..')
    await writeFile(
      join(dir, 'main.js'),
      "import { guideIndex } from 'virtual:guides'\ndocument.title = guideIndex.title\n",
    )
    const viteBuild = async (): Promise<string[]> => {
      const lines: string[] = []
      const logger = createLogger('info')
      logger.info = (message) => void lines.push(message)
      await build({
        root: dir,
        configFile: false,
        customLogger: logger,
        plugins: [guides({ dir: 'guide/mkdocs.yml', dts: false, cacheDir: '.guide-cache' })],
        build: { write: false, rollupOptions: { input: join(dir, 'main.js') } },
      })
      return lines.filter((line) => line.includes('@ai-engineer/content/vite'))
    }
    expect(await viteBuild()).toEqual([
      expect.stringMatching(
        /guide\/mkdocs\.yml, 7 pages in \d+ ms \(7 parsed, 0 from the cache\)$/,
      ),
    ])
    expect(await viteBuild()).toEqual([
      expect.stringMatching(/7 pages in \d+ ms \(0 parsed, 7 from the cache\)$/),
    ])
    expect(await readdir(join(dir, '.guide-cache'))).toHaveLength(1)
  })
})

/** The files that `build`'s list in `dir` names, sorted. */
async function buildInfo(dir: string): Promise<string[]> {
  const info = JSON.parse(await readFile(join(dir, '.ai-engineer-content.json'), 'utf8')) as {
    files: Record<string, string>
  }
  return Object.keys(info.files).sort()
}

/** A guide of `count` pages of our own, linking to each other; page `bad` ones have errors. */
async function manyPages(dir: string, count: number, bad: readonly number[] = []): Promise<void> {
  await mkdir(join(dir, 'docs', 'part'), { recursive: true })
  const nav = ['site_name: Many pages', 'nav:', '  - Pages:']
  for (let n = 0; n < count; n++) {
    const next = `p${(n + 1) % count}.md`
    const body = [
      `# Page ${n}`,
      '',
      `## Setup ${n}`,
      '',
      `Step ${n} of the guide, then [the next page](${next}#setup-${(n + 1) % count}).`,
      '',
      '| Step | Time |',
      '| ---- | ---- |',
      `| ${n} | ${n * 3} s |`,
      '',
      '```sh',
      `make step-${n}`,
      '```',
      '',
      ...(bad.includes(n) ? [`<span>raw ${n}</span> and [a bad link](missing-${n}.md)`, ''] : []),
    ]
    await writeFile(join(dir, 'docs', 'part', `p${n}.md`), body.join('\n'))
    nav.push(`      - part/p${n}.md`)
  }
  await writeFile(join(dir, 'mkdocs.yml'), `${nav.join('\n')}\n`)
}

/**
 * Every file under `dir`, by its path in it, with its bytes; but `build`'s list of the
 * files it wrote, whose digests differ with and without a cache.
 */
async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.ai-engineer-content.json') continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(dir, path), await readFile(path, 'base64'))
  }
  return files
}

describe('loadGuide() with a cache folder, pages taken by their stamps', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** The files of the guide's folder, by absolute path. */
  async function guideFiles(): Promise<string[]> {
    const entries = await readdir(join(guide, 'docs'), { recursive: true, withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
  }

  /** Set the clock `ms` after the last change of any file of the guide. */
  async function clockAfterChanges(ms: number): Promise<void> {
    const times = await Promise.all(
      (await guideFiles()).map(async (file) => (await stat(file)).ctimeMs),
    )
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Math.max(...times) + ms)
  }

  test('should take the pages whose files are as they were unread, and load the same guide', async () => {
    await clockAfterChanges(3000)
    const first = await load({ outlines: true })
    expect(first.unread).toBe(0)
    const second = await load({ outlines: true })
    expect(second.unread).toBe(7)
    expect(second.parsed).toEqual({ count: 0, threads: 1, cached: 7 })
    const fresh = await load({ cacheDir: undefined })
    expect(reporter(second.files, { color: false })).toBe(reporter(fresh.files, { color: false }))
    const pages = await Promise.all(second.guide!.pages.map((page) => second.wholePage(page)))
    expect(guideData({ ...second.guide!, pages })).toEqual(guideData(fresh.guide!))
    // A page's text is read when asked for.
    const docker = join(guide, 'docs', 'docker.md')
    const text = await readFile(docker, 'utf8')
    expect(second.pages.get(docker)!.source).toBe(text)
    expect(String(second.pages.get(docker)!.file.value)).toBe(text)
  })

  test('should read a page whose file changed, though to the same size and modification time', async () => {
    const docker = join(guide, 'docs', 'docker.md')
    const time = new Date('2026-01-02T03:04:05Z')
    await utimes(docker, time, time)
    await clockAfterChanges(3000)
    await load({ outlines: true })
    const text = await readFile(docker, 'utf8')
    const edited = text.replace('## Images', '## Imagez')
    expect(edited).not.toBe(text)
    await writeFile(docker, edited)
    await utimes(docker, time, time)
    expect((await stat(docker)).size).toBe(Buffer.byteLength(text))
    const loaded = await load({ outlines: true })
    expect(loaded.unread).toBe(6)
    expect(loaded.parsed.count).toBe(1)
    expect(output(loaded).messages).toBe(output(await load({ cacheDir: undefined })).messages)
    expect(loaded.pages.get(docker)!.page!.sections.map((section) => section.id)).toContain(
      'imagez',
    )
  })

  test('should not stamp a file changed in the last two seconds', async () => {
    await clockAfterChanges(1000)
    await load({ outlines: true })
    expect((await load({ outlines: true })).unread).toBe(0)
    // Later, the same files are stamped.
    await clockAfterChanges(2500)
    await load({ outlines: true })
    expect((await load({ outlines: true })).unread).toBe(7)
  })

  test('should read and parse a page by its bytes when its stamp names an entry gone', async () => {
    await clockAfterChanges(3000)
    await load({ outlines: true })
    const [folder] = await readdir(cacheDir)
    for (const name of await readdir(join(cacheDir, folder!))) {
      if (name !== 'stamps.json') await rm(join(cacheDir, folder!, name))
    }
    const loaded = await load({ outlines: true })
    expect(loaded.unread).toBe(0)
    expect(loaded.parsed.count).toBe(7)
    expect(output(loaded).messages).toBe(output(await load({ cacheDir: undefined })).messages)
    // Stamped again, with the same keys.
    expect((await load({ outlines: true })).unread).toBe(7)
  })

  test('should read every page when the stamps cannot be read, or were kept for other options', async () => {
    await clockAfterChanges(3000)
    await load({ outlines: true })
    const [folder] = await readdir(cacheDir)
    const stamps = join(cacheDir, folder!, 'stamps.json')
    await writeFile(stamps, '{"context": "')
    expect((await load({ outlines: true })).unread).toBe(0)
    expect((await load({ outlines: true })).unread).toBe(7)
    const other = await load({ outlines: true, rules: { 'page-not-in-nav': 'off' } })
    expect(other.unread).toBe(0)
    expect(other.parsed.count).toBe(7)
  })
})

describe('the threads that parse', () => {
  test('should start a worker for each 100 pages by default, up to one a core', () => {
    // Fewer than two workers' worth: this thread parses.
    expect(threadsFor(60, undefined)).toBe(0)
    expect(threadsFor(199, undefined)).toBe(1)
    expect(threadsFor(200, undefined)).toBe(Math.min(2, defaultThreads()))
    expect(threadsFor(1_000_000, undefined)).toBe(defaultThreads())
  })

  test('should start the workers asked for from 48 pages, one for each 24', () => {
    expect(threadsFor(47, 2)).toBe(1)
    expect(threadsFor(48, 2)).toBe(2)
    expect(threadsFor(48, 8)).toBe(2)
    expect(threadsFor(120, 8)).toBe(5)
    expect(threadsFor(3000, 1)).toBe(1)
  })
})

describe('ai-engineer-content with many pages', () => {
  test('should write the same bytes on 1 thread, on 2 threads and from its cache', async () => {
    const dir = await mkdtemp(join(root, 'many-'))
    await manyPages(dir, 120)
    const build = async (out: string, ...args: string[]): Promise<string> => {
      const { stderr } = await run(process.execPath, [cli, 'build', dir, '--out', out, ...args], {
        cwd: dir,
      })
      return stderr
    }
    expect(await build(join(dir, 'one'), '--threads', '1', '--no-cache')).toMatch(
      /built 120 pages .*, 129 files written; 120 parsed, 0 from the cache\n$/,
    )
    expect(await build(join(dir, 'two'), '--threads', '2')).toMatch(
      /; 120 parsed on 2 threads, 0 from the cache\n$/,
    )
    expect(await build(join(dir, 'cached'), '--threads', '2')).toMatch(
      /, 129 files written; 0 parsed, 120 from the cache\n$/,
    )
    const one = await tree(join(dir, 'one'))
    // The pages, package.json, index.js, index.d.ts, index-data.js, index-data.node.js,
    // index.json, guide.js, guide.node.js and runtime.js.
    expect(one.size).toBe(120 + 9)
    expect(await tree(join(dir, 'two'))).toEqual(one)
    expect(await tree(join(dir, 'cached'))).toEqual(one)
    expect(await buildInfo(join(dir, 'two'))).toEqual([...one.keys()].sort())

    // Over an earlier build, the same guide writes nothing.
    expect(await build(join(dir, 'two'))).toMatch(
      /, 0 files written; 0 parsed, 120 from the cache\n$/,
    )
    // A body edited: that page's module only.
    await writeFile(
      join(dir, 'docs/part/p7.md'),
      (await readFile(join(dir, 'docs/part/p7.md'), 'utf8')).replace('Step 7 of', 'Step seven of'),
    )
    expect(await build(join(dir, 'two'))).toMatch(
      /, 1 file written; 1 parsed, 119 from the cache\n$/,
    )
    await build(join(dir, 'edited-fresh'), '--no-cache')
    const edited = await tree(join(dir, 'two'))
    expect(edited).toEqual(await tree(join(dir, 'edited-fresh')))
    expect(edited.get('pages/part/p7.js')).not.toBe(one.get('pages/part/p7.js'))
    expect(edited.get('pages/part/p8.js')).toBe(one.get('pages/part/p8.js'))

    // p6 links to `p7.md#setup-7`: with the heading gone, p6 (from the cache) links to
    // the page only, as a build without the cache has it: p6's and p7's modules change,
    // and the index (its data, its JSON and the id types), whose headings of p7 changed.
    await writeFile(join(dir, 'docs/part/p7.md'), '# Page 7\n\n## Other\n\nEdited.\n')
    expect(await build(join(dir, 'two'))).toMatch(
      /p6\.md\n5:\d+-5:\d+ +warning +The link to `p7\.md#setup-7` names `#setup-7`[^]*, 5 files written; 1 parsed, 119 from the cache\n$/,
    )
    await build(join(dir, 'renamed-fresh'), '--no-cache')
    const renamed = await tree(join(dir, 'two'))
    expect(renamed.get('pages/part/p6.js')).not.toBe(edited.get('pages/part/p6.js'))
    expect(renamed).toEqual(await tree(join(dir, 'renamed-fresh')))

    // A page removed: its module goes too.
    await rm(join(dir, 'docs/part/p119.md'))
    await writeFile(
      join(dir, 'mkdocs.yml'),
      (await readFile(join(dir, 'mkdocs.yml'), 'utf8')).replace('      - part/p119.md\n', ''),
    )
    await build(join(dir, 'two'))
    await build(join(dir, 'removed-fresh'), '--no-cache')
    const removed = await tree(join(dir, 'two'))
    expect(removed.has('pages/part/p119.js')).toBe(false)
    expect(removed).toEqual(await tree(join(dir, 'removed-fresh')))

    // A module deleted by hand is written again.
    await rm(join(dir, 'two', 'pages/part/p5.js'))
    expect(await build(join(dir, 'two'))).toMatch(/, 1 file written; 0 parsed, 119 from/)
    expect(await tree(join(dir, 'two'))).toEqual(removed)
    // So is a file made from the index, which a build over the folder does not make again
    // while the index is the same.
    await rm(join(dir, 'two', 'index.d.ts'))
    expect(await build(join(dir, 'two'))).toMatch(/, 1 file written; 0 parsed, 119 from/)
    expect(await tree(join(dir, 'two'))).toEqual(removed)

    // A folder whose list of files is gone (a build stopped half way) is written whole.
    await rm(join(dir, 'two', '.ai-engineer-content.json'))
    expect(await build(join(dir, 'two'))).toMatch(/, 128 files written; 0 parsed, 119 from/)
    expect(await tree(join(dir, 'two'))).toEqual(removed)
  })

  test('should report the errors of pages parsed on 2 threads in page order', async () => {
    const dir = await mkdtemp(join(root, 'many-bad-'))
    await manyPages(dir, 90, [3, 41, 42, 88])
    const check = async (...args: string[]): Promise<{ stdout: string; stderr: string }> => {
      try {
        await run(process.execPath, [cli, 'check', dir, '--format', 'unix', ...args], { cwd: dir })
      } catch (error) {
        const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
        expect(code).toBe(1)
        return { stdout, stderr }
      }
      throw new Error('expected the check to fail')
    }
    const one = await check('--threads', '1', '--no-cache')
    const two = await check('--threads', '2', '--no-cache')
    expect(two.stdout).toBe(one.stdout)
    const lines = one.stdout.trim().split('\n')
    const pages = lines.map((line) => /p(\d+)\.md:/.exec(line)?.[1])
    expect(pages).toEqual(['3', '3', '41', '41', '42', '42', '88', '88'])
    expect(lines[0]).toMatch(/^docs\/part\/p3\.md:15:1: error Raw HTML `<span>`/)
  })
})
