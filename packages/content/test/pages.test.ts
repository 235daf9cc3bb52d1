import { guides } from '@ai-engineer/content/vite'
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { build, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

/**
 * Per-page loading: a compiled guide's index holds no page's tree, and `loadPage` imports
 * one page's module. Checked where it matters, in the bundle of an app built with Vite
 * over the multi-page fixture, through the Vite plugin and through `build`'s output.
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))
const cli = fileURLToPath(new URL('../bin/ai-engineer-content.js', import.meta.url))

/** A sentence of each page's body: text that only that page's tree holds. */
const bodies: Record<string, string> = {
  index: 'only done when it runs somewhere other than your laptop',
  docker: 'An image is a recipe that always cooks the same meal',
  cicd: 'Continuous integration checks every change',
  deployment: 'Deploying is moving a tested image to where users can reach it',
  'testing/api': 'how many users the service takes before it slows down',
  'testing/unit': 'A unit test checks one function with no network and no disk',
  'drafts/notes': 'Ideas that did not make the guide yet',
}

let root: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-pages-'))
  await cp(fixture, join(root, 'guide'), { recursive: true })
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Build the app whose entry is `main` with Vite; its chunks by file name. */
async function bundle(main: string, plugins = [guides({ dir: 'guide', dts: false })]) {
  await writeFile(join(root, 'main.js'), main)
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins,
    build: { write: false, minify: false, rollupOptions: { input: join(root, 'main.js') } },
  })) as Rollup.RollupOutput
  return output.output.filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
}

/** The chunks an app loads to run its entry and open the chunk `dynamic` leads to. */
function loaded(chunks: Rollup.OutputChunk[], opened: (chunk: Rollup.OutputChunk) => boolean) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const seen = new Set<Rollup.OutputChunk>()
  const visit = (chunk: Rollup.OutputChunk | undefined): void => {
    if (!chunk || seen.has(chunk)) return
    seen.add(chunk)
    for (const name of chunk.imports) visit(byName.get(name))
  }
  visit(chunks.find((chunk) => chunk.isEntry))
  for (const chunk of chunks.filter((candidate) => candidate.isDynamicEntry && opened(candidate))) {
    visit(chunk)
  }
  return [...seen]
}

function pagesIn(code: string): string[] {
  return Object.keys(bodies).filter((page) => code.includes(bodies[page]!))
}

describe('an app that opens one page', () => {
  test('should bundle that page’s text and no other’s (the Vite plugin)', async () => {
    const chunks = await bundle(`
      import { guideIndex, loadPage } from 'virtual:guides'
      const page = await loadPage('docker')
      document.title = guideIndex.title + ': ' + page.title + ' ' + page.sections.length
    `)
    const entry = chunks.find((chunk) => chunk.isEntry)!
    // The index: the titles and headings of every page, no page's body.
    expect(entry.code).toContain('Shipping Software')
    expect(entry.code).toContain('Load tests')
    expect(pagesIn(entry.code)).toEqual([])
    const opened = loaded(chunks, (chunk) => chunk.code.includes(bodies.docker!))
    expect(pagesIn(opened.map((chunk) => chunk.code).join('\n'))).toEqual(['docker'])
    // Each page is a chunk of its own; no chunk holds two pages (no eager module).
    for (const chunk of chunks) expect(pagesIn(chunk.code).length).toBeLessThanOrEqual(1)
  })

  test('should still bundle every page for an app that uses the whole-guide API', async () => {
    const chunks = await bundle(`
      import { getPage } from 'virtual:guides'
      document.title = getPage('docker').title
    `)
    const entry = chunks.find((chunk) => chunk.isEntry)!
    expect(pagesIn(entry.code).sort()).toEqual(Object.keys(bodies).sort())
  })

  test('should bundle one page from what `build` writes, and load it in Node.js', async () => {
    const out = join(root, 'built')
    await promisify(execFile)(process.execPath, [cli, 'build', join(root, 'guide'), '--out', out])
    const files = (await readdir(out, { recursive: true })).map((file) =>
      file.split('\\').join('/'),
    )
    expect(files.filter((file) => file.endsWith('.js')).sort()).toEqual([
      'guide.js',
      'guide.node.js',
      'index-data.js',
      'index-data.node.js',
      'index.js',
      'pages/cicd.js',
      'pages/deployment.js',
      'pages/docker.js',
      'pages/drafts/notes.js',
      'pages/index.js',
      'pages/testing/api.js',
      'pages/testing/unit.js',
      'runtime.js',
    ])

    const chunks = await bundle(
      `import { loadPage } from './built/index.js'
       document.title = (await loadPage('testing/unit')).title`,
      [],
    )
    const entry = chunks.find((chunk) => chunk.isEntry)!
    expect(pagesIn(entry.code)).toEqual([])
    const opened = loaded(chunks, (chunk) => chunk.code.includes(bodies['testing/unit']!))
    expect(pagesIn(opened.map((chunk) => chunk.code).join('\n'))).toEqual(['testing/unit'])

    const module = (await import(pathToFileURL(join(out, 'index.js')).href)) as {
      guideIndex: { pages: { id: string; headings: { text: string }[] }[] }
      loadPage: (id: string) => Promise<{ id: string; tree: { children: unknown[] } }>
      getPage: (id: string) => { id: string; tree: { children: unknown[] } }
    }
    const entryOf = module.guideIndex.pages.find((page) => page.id === 'testing/unit')!
    expect(entryOf.headings.map((heading) => heading.text)).toEqual([
      'Unit tests',
      'Basics',
      'Speed',
    ])
    const page = await module.loadPage('testing/unit')
    expect(page.tree).toEqual(module.getPage('testing/unit').tree)
    expect(await module.loadPage('testing/unit')).toBe(page)
    await expect(module.loadPage('nowhere')).rejects.toThrow(/Unknown page id `nowhere`/)
  })

  test('should load no page in Node.js until one is asked for, the same API as `guide.js`', async () => {
    const out = join(root, 'built-node')
    await promisify(execFile)(process.execPath, [cli, 'build', join(root, 'guide'), '--out', out])
    // Node.js itself (vitest would bundle the folder): which page modules each step loaded.
    const script = `
      import { registerHooks } from 'node:module'
      const loaded = []
      const folder = ${JSON.stringify(pathToFileURL(out).href + '/')}
      registerHooks({
        load(url, context, next) {
          if (url.startsWith(folder)) loaded.push(url.slice(folder.length))
          return next(url, context)
        },
      })
      const seen = () => loaded.splice(0).sort()
      const steps = {}
      const api = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)})
      steps.imported = seen()
      const page = api.getPage('testing/unit')
      steps.getPage = seen()
      steps.same = page === (await api.loadPage('testing/unit')) && page === api.getPage('testing/unit')
      steps.section = api.getSection('testing/unit', 'speed').id
      const whole = JSON.stringify(api.guide)
      steps.guide = seen()
      const eager = await import(${JSON.stringify(pathToFileURL(join(out, 'guide.js')).href)})
      steps.equal = whole === JSON.stringify(eager.guide)
      const error = (call) => { try { call() } catch (error) { return error.name + ': ' + error.message } }
      steps.errors = [
        [error(() => api.getPage('nowhere')), error(() => eager.getPage('nowhere'))],
        [error(() => api.getSection('docker', 'none')), error(() => eager.getSection('docker', 'none'))],
        [error(() => api.getFigure('docker', 'none')), error(() => eager.getFigure('docker', 'none'))],
      ]
      console.log(JSON.stringify(steps))
    `
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '--eval',
      script,
    ])
    expect(stderr).toBe('')
    const steps = JSON.parse(stdout) as Record<string, unknown> & { errors: string[][] }
    // The index (its data read from index.json), its runtime and Node.js's whole-guide
    // module, not `guide.js` nor `index-data.js`: no tree, no JSON in a literal.
    expect(steps.imported).toEqual([
      'guide.node.js',
      'index-data.node.js',
      'index.js',
      'runtime.js',
    ])
    expect(steps.getPage).toEqual(['pages/testing/unit.js'])
    expect(steps.same).toBe(true)
    expect(steps.section).toBe('speed')
    expect(steps.guide).toEqual(
      ['cicd', 'deployment', 'docker', 'drafts/notes', 'index', 'testing/api'].map(
        (id) => `pages/${id}.js`,
      ),
    )
    expect(steps.equal).toBe(true)
    for (const [lazy, eager] of steps.errors) {
      expect(lazy).toMatch(/^RangeError: Unknown (page|section|figure) id `(nowhere|none)`/)
      expect(lazy).toBe(eager)
    }
  })
})

describe('the main entry', () => {
  test('should leave the page’s tree out of an app that only reads the index', async () => {
    const main = fileURLToPath(new URL('../dist/index.js', import.meta.url))
    const chunks = await bundle(
      `import { guideIndex, loadPage } from ${JSON.stringify(main)}
       document.title = guideIndex.title
       document.body.onclick = () => loadPage('intro')`,
      [],
    )
    const entry = chunks.find((chunk) => chunk.isEntry)!
    expect(entry.code).toContain('So You Wana Be an AI Engineer?')
    expect(entry.code).not.toContain('are the unsung heros')
    expect(chunks.filter((chunk) => chunk.code.includes('are the unsung heros'))).toHaveLength(1)
  })

  test('should load its own page on demand, the same tree as the whole-guide API', async () => {
    const content = await import('@ai-engineer/content')
    const page = await content.loadPage('intro')
    expect(page.tree).toEqual(content.getPage('intro').tree)
    expect(content.guideIndex.pages.map((entry) => entry.sections)).toEqual([
      content.sectionIds.intro,
    ])
    expect(JSON.stringify(content.guideIndex)).not.toContain('are the unsung heros')
    expect(JSON.stringify(content.getPage('intro').tree)).toContain('are the unsung heros')
  })
})
