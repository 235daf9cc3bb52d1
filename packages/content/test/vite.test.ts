import { guides, liveGuides, type GuideModule } from '@ai-engineer/content/vite'
import { cp, mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, type HmrContext, type Plugin, type ViteDevServer } from 'vite'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'

/**
 * The Vite plugin in a real Vite dev server (no browser): the module it serves, the
 * declaration file it writes, and what a save of a guide does to both.
 */
const intro = (word: string, extra = ''): string => `---
id: intro
title: A small guide
---

# A small guide

The ${word} works here.

---

## Second part

More words.
${extra}`

let root: string
let server: ViteDevServer
let plugin: Plugin
let sent: {
  type: string
  err?: { message: string; frame?: string; loc?: { line: number; column: number } }
}[]

async function start(options: Partial<Parameters<typeof guides>[0]> = {}): Promise<void> {
  plugin = guides({ dir: 'guide', ...options })
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    server: { middlewareMode: true, ws: false, watch: null },
  })
  sent = []
  server.hot.send = ((payload: (typeof sent)[number]) => void sent.push(payload)) as never
}

async function served(): Promise<GuideModule> {
  return (await server.ssrLoadModule('virtual:guides')) as GuideModule
}

/** Save `text` as the guide page and run the plugin's HMR hook as Vite would. */
async function save(text: string, name = 'intro.md'): Promise<unknown> {
  const file = join(root, 'guide', name)
  await writeFile(file, text)
  const hook = plugin.handleHotUpdate as (ctx: HmrContext) => Promise<unknown>
  const modules = [...(server.moduleGraph.getModulesByFile(file) ?? [])]
  return hook.call({} as never, {
    file,
    timestamp: Date.now(),
    modules,
    read: () => readFile(file, 'utf8'),
    server,
  })
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'guides-vite-'))
  await mkdir(join(root, 'guide'))
  await writeFile(join(root, 'guide/intro.md'), intro('engineer'))
})

afterEach(async () => {
  await server?.close()
  await rm(root, { recursive: true, force: true })
})

describe('guides()', () => {
  test('should serve the folder as a module with the main entry API', async () => {
    await start()
    const module = await served()
    expect(module.pageIds).toEqual(['intro'])
    expect(module.guide.title).toBe('A small guide')
    const first = module.sectionIds.intro![0]!
    expect(JSON.stringify(module.getSection('intro', first))).toContain('The engineer works here.')
    expect(JSON.stringify(module.guide)).not.toContain('"position"')
    expect(() => module.getSection('intro', 'nope')).toThrow(
      /Unknown section id `nope` in page `intro`; known: a-small-guide, second-part/,
    )
    expect(liveGuides(join(root, 'guide'))?.sectionIds).toEqual(module.sectionIds)
  })

  test('should write the literal id types and rewrite them only when an id changes', async () => {
    await start()
    await served()
    const dts = join(root, 'src/guides.d.ts')
    const before = await readFile(dts, 'utf8')
    expect(before).toContain('declare module "virtual:guides"')
    expect(before).toMatch(/export type PageId = "intro"\n/)
    const written = (await stat(dts)).mtimeMs

    await save(intro('scientist'))
    expect((await stat(dts)).mtimeMs).toBe(written)
    expect(await readFile(dts, 'utf8')).toBe(before)

    await save(intro('scientist', '\n---\n\n## A third part\n\nNew.\n'))
    const after = await readFile(dts, 'utf8')
    expect(after).not.toBe(before)
    expect(after).toContain('"a-third-part"')
  })

  test('should hot-update the served module when a guide is saved', async () => {
    await start()
    const module = await served()
    const update = (await save(intro('scientist'))) as { id: string | null }[]
    // A word of the body: the whole-guide module changes, and the index (which in the
    // browser holds each saved page's query), but not its data (titles, headings).
    const ids = update.map((item) => item.id)
    expect(ids).toContain('\0virtual:guides?guides-eager')
    expect(ids).toContain('\0virtual:guides?guides')
    expect(ids).not.toContain('\0virtual:guides?guides-index-data')
    const fresh = await served()
    expect(JSON.stringify(fresh.guide)).toContain('The scientist works here.')
    expect(JSON.stringify(module.guide)).toContain('The engineer works here.')
  })

  test('should serve a module that imports only the index an index without the whole guide', async () => {
    await start()
    await mkdir(join(root, 'src'), { recursive: true })
    await writeFile(
      join(root, 'src/one-page.js'),
      "import { loadPage, pageIds } from 'virtual:guides'\nexport const load = () => loadPage(pageIds[0])\n",
    )
    await writeFile(
      join(root, 'src/whole.js'),
      "import { loadPage, getPage } from 'virtual:guides'\nexport { loadPage, getPage }\n",
    )
    const ids = (): string[] =>
      [...server.moduleGraph.idToModuleMap.keys()].filter((id) => id.includes('virtual:guides'))
    const onePage = (await server.ssrLoadModule('/src/one-page.js')) as {
      load: () => Promise<{ tree: unknown }>
    }
    expect(JSON.stringify((await onePage.load()).tree)).toContain('The engineer works here.')
    expect(ids().sort()).toEqual([
      '\0virtual:guides?guides-index',
      '\0virtual:guides?guides-index-data',
      '\0virtual:guides?guides-page=intro',
    ])

    // The guide's modules an update names (the page's file itself is there too).
    const modules = (update: unknown): (string | null)[] =>
      (update as { id: string | null }[])
        .map((item) => item.id)
        .filter((id) => id?.startsWith('\0virtual:guides'))
        .sort()
    // A word of the body: the index, which reaches the page by its loader (the page's
    // module is served again when next loaded), but not its data.
    expect(modules(await save(intro('scientist')))).toEqual(['\0virtual:guides?guides-index'])
    // A heading: its data too.
    const heading = await save(intro('scientist').replace('## Second part', '## Third part'))
    expect(modules(heading)).toEqual([
      '\0virtual:guides?guides-index',
      '\0virtual:guides?guides-index-data',
    ])
    const fresh = (await server.ssrLoadModule('/src/one-page.js')) as typeof onePage
    expect(JSON.stringify((await fresh.load()).tree)).toContain('Third part')

    // A module that uses the whole guide gets the module that has it.
    const whole = (await server.ssrLoadModule('/src/whole.js')) as GuideModule
    expect(whole.getPage('intro').title).toBe('A small guide')
    expect(ids()).toContain('\0virtual:guides?guides')
    expect(ids()).toContain('\0virtual:guides?guides-eager')
  })

  test('should give the browser an index that makes the URL of each page, with a new query once the page is saved', async () => {
    await writeFile(join(root, 'guide/next.md'), '# Next\n\nThe next page.\n')
    await start()
    const client = server.environments.client
    const index = async (): Promise<string> =>
      (await client.transformRequest('virtual:guides'))!.code
    const before = await index()
    // No import a page for Vite to resolve each time it serves the index: one loader.
    expect(before).not.toMatch(/guides-page=(intro|next)/)
    expect(before).toContain('"/@id/virtual:guides?guides-page=" + encodeURIComponent(id)')
    expect(before).toContain('new Map([])')
    // What the browser asks for by that URL (Vite drops `/@id/`) is the page's module.
    const page = async (url: string): Promise<string> => (await client.transformRequest(url))!.code
    expect(await page('virtual:guides?guides-page=intro')).toContain('The engineer works here.')

    await save(intro('scientist'))
    const after = await index()
    const stamp = /new Map\(\[\["intro",(\d{13})\]\]\)/.exec(after)?.[1]
    expect(stamp).toBeDefined()
    expect(await page(`virtual:guides?guides-page=intro&t=${stamp}`)).toContain(
      'The scientist works here.',
    )
    // Server-side rendering keeps one import a page.
    const ssr = (await server.environments.ssr.transformRequest('virtual:guides'))!.code
    expect(ssr).toMatch(/guides-page=intro/)
    expect(ssr).toMatch(/guides-page=next/)
  })

  test('should measure again an image a page names when it is saved', async () => {
    const svg = (width: number): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="10"></svg>`
    await writeFile(join(root, 'guide/chart.svg'), svg(10))
    await writeFile(join(root, 'guide/intro.md'), intro('engineer', '\n![A chart](chart.svg)\n'))
    await start()
    const width = async (): Promise<unknown> =>
      /"width":(\d+)/.exec(JSON.stringify((await served()).getPage('intro').tree))?.[1]
    expect(await width()).toBe('10')
    await writeFile(join(root, 'guide/chart.svg'), svg(20))
    const update = await save(svg(20), 'chart.svg')
    expect(update).not.toEqual(undefined)
    expect(await width()).toBe('20')
  })

  test('should take in a page that the watcher names before the plugin saw it added', async () => {
    await start()
    expect((await served()).pageIds).toEqual(['intro'])
    // No watcher here, so no `add`: the plugin's listing of the folder is the first one.
    await save('# A new page\n\nNew.\n', 'new.md')
    expect((await served()).pageIds).toEqual(['intro', 'new'])
  })

  test('should compile a page saved in two steps (truncated, then written) once Vite has read it', async () => {
    await start()
    await served()
    const file = join(root, 'guide/intro.md')
    // The watcher fired on the truncation; Vite's `read()` returns once the text is there.
    await writeFile(file, '')
    const hook = plugin.handleHotUpdate as (ctx: HmrContext) => Promise<unknown>
    const update = await hook.call({} as never, {
      file,
      timestamp: Date.now(),
      modules: [...(server.moduleGraph.getModulesByFile(file) ?? [])],
      read: async () => {
        await writeFile(file, intro('scientist'))
        return intro('scientist')
      },
      server,
    })
    expect(update).not.toEqual([])
    expect(sent.filter((payload) => payload.type === 'error')).toEqual([])
    expect(JSON.stringify((await served()).guide)).toContain('The scientist works here.')
  })

  test('should keep the last good module and report the position of a broken guide', async () => {
    await start()
    await served()
    const broken = intro('scientist', '\n<figure><img alt="A chart"></figure>\n')
    const update = await save(broken)
    expect(update).toEqual([])
    const error = sent.find((payload) => payload.type === 'error')?.err
    expect(error?.message).toMatch(/guide[/\\]intro\.md:16:9/)
    expect(error?.loc).toMatchObject({ line: 16, column: 9 })
    expect(error?.frame).toContain('> 16 | <figure><img alt="A chart"></figure>')
    expect(JSON.stringify((await served()).guide)).toContain('The engineer works here.')

    expect(await save(intro('fixed'))).not.toEqual([])
    expect(JSON.stringify((await served()).guide)).toContain('The fixed works here.')
  })

  test('should compile a save that the watcher dropped, once its window has passed', async () => {
    await start()
    await served()
    const file = join(root, 'guide/intro.md')
    // The watcher reports a change; a second save right after it is dropped (chokidar
    // reports no change of a file within 50 ms of the last): no hook runs for it.
    const changed: string[] = []
    const updates: unknown[] = []
    server.watcher.on('change', (path: string) => {
      changed.push(path)
      // What Vite does on a change: run the plugin's hook (here with the text now saved).
      void save(intro('restored')).then((update) => updates.push(update))
    })
    expect(await save(intro('x', '\n<figure><img alt="A chart"></figure>\n'))).toEqual([])
    await writeFile(file, intro('restored'))
    // The plugin looks again and passes the change on as the watcher would have.
    await expect.poll(() => changed, { timeout: 5000 }).toEqual([file])
    await expect
      .poll(async () => JSON.stringify((await served()).guide), { timeout: 5000 })
      .toContain('The restored works here.')
    // An update of the served module, which clears the overlay of the broken save.
    expect(updates).toHaveLength(1)
    expect(updates[0]).not.toEqual([])
  })

  test('should refuse a version that the check throws on, naming why', async () => {
    await start({
      check: (module) => {
        if (!module.sectionIds.intro?.includes('second-part')) {
          throw new Error('slides.md, slide 2: unknown section id "second-part"')
        }
      },
    })
    await served()
    expect(await save(intro('x').replace('## Second part', '## Renamed'))).toEqual([])
    expect(sent.at(-1)?.err?.message).toBe('slides.md, slide 2: unknown section id "second-part"')
    expect((await served()).sectionIds.intro).toContain('second-part')
  })

  test('should serve a guide of many pages from its mkdocs.yml and update it when a nested page is saved', async () => {
    await cp(fileURLToPath(new URL('guides/devops', import.meta.url)), join(root, 'site'), {
      recursive: true,
    })
    await start({ dir: 'site/mkdocs.yml' })
    const module = await served()
    expect(module.guide.title).toBe('Shipping Software')
    expect(module.guide.nav.map((item) => item.title)).toEqual([
      'Home',
      'Build',
      'Run',
      'Further reading',
    ])
    expect(module.getSection('testing/unit', 'basics').id).toBe('basics')
    const dts = await readFile(join(root, 'src/guides.d.ts'), 'utf8')
    expect(dts).toContain('// Generated by @ai-engineer/content/vite from ../site/mkdocs.yml.')
    expect(dts).toContain('    "testing/api": "load-tests" | "locust" | "reading-the-results"\n')
    expect(dts).toContain(
      '  export function getSection<P extends PageId>(page: P, id: SectionId<P>): Section\n',
    )

    const file = join(root, 'site/docs/testing/unit.md')
    const text = (await readFile(file, 'utf8')).replace('no network and no disk', 'no network')
    await writeFile(file, text)
    const hook = plugin.handleHotUpdate as (ctx: HmrContext) => Promise<unknown>
    const update = (await hook.call({} as never, {
      file,
      timestamp: Date.now(),
      modules: [],
      read: () => readFile(file, 'utf8'),
      server,
    })) as { id: string | null }[]
    expect(update.map((item) => item.id)).toContain('\0virtual:guides?guides-eager')
    const fresh = await served()
    expect(JSON.stringify(fresh.getSection('testing/unit', 'unit-tests'))).toContain(
      'checks one function with no network.',
    )
  })
})
