import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { GuidePage, LinkUrl } from '@ai-engineer/content'
import schema from '@ai-engineer/content/schema.json' with { type: 'json' }
import { Ajv2020 } from 'ajv/dist/2020.js'
import { toHtml } from '@ai-engineer/content/html'
import { toJsx } from '@ai-engineer/content/jsx'
import { toMarkdown } from '@ai-engineer/content/markdown'
import type { GuideModule } from '@ai-engineer/content/vite'
import type { Link, Nodes } from 'mdast'
import { renderToStaticMarkup } from 'react-dom/server'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bare } from './helpers.ts'

/**
 * A guide of many pages, as mkdocs builds it: the fixture `test/guides/devops` (an
 * `mkdocs.yml` with nested groups, an external link and a page left out of the nav; the
 * heading "Basics" on three pages; links between pages), built and checked through the
 * bin as an importer would, and rendered through every renderer.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const guides = join(packageDir, 'test/guides')
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
}
const bin = join(packageDir, manifest.bin['ai-engineer-content']!)
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd = guides): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

const cli = (...args: string[]): Promise<Run> => run(process.execPath, [bin, ...args])

let work: string
let built: GuideModule

async function load(out: string): Promise<GuideModule> {
  return (await import(pathToFileURL(join(out, 'index.js')).href)) as GuideModule
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'content-guide-'))
  const result = await cli('build', 'devops/mkdocs.yml', '--out', join(work, 'devops'))
  expect(result.code).toBe(0)
  built = await load(join(work, 'devops'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const links = (node: Nodes): Link[] => {
  const found: Link[] = []
  visit(node, 'link', (link: Link) => {
    found.push(link)
  })
  return found
}

describe('a guide of many pages, from mkdocs.yml', () => {
  test('should take the title from site_name and the nav, groups nested, from nav', () => {
    expect(built.guide.title).toBe('Shipping Software')
    expect(built.guide.nav).toEqual([
      { title: 'Home', page: 'index' },
      {
        title: 'Build',
        children: [
          { title: 'Containers', page: 'docker' },
          { title: 'CI/CD', page: 'cicd' },
        ],
      },
      {
        title: 'Run',
        children: [
          { title: 'Deployment', page: 'deployment' },
          {
            title: 'Testing',
            children: [
              { title: 'Load tests', page: 'testing/api' },
              { title: 'Unit tests', page: 'testing/unit' },
            ],
          },
        ],
      },
      { title: 'Further reading', url: 'https://example.com/handbook' },
    ])
  })

  test('should order pages as the nav does, the page outside it last, each with its path, prev and next', () => {
    const pages = built.guide.pages.map(({ id, path, title, prev, next }) => ({
      id,
      path,
      title,
      prev,
      next,
    }))
    expect(pages).toEqual([
      { id: 'index', path: 'index.md', title: 'Shipping software', next: 'docker' },
      { id: 'docker', path: 'docker.md', title: 'Containers', prev: 'index', next: 'cicd' },
      { id: 'cicd', path: 'cicd.md', title: 'CI/CD', prev: 'docker', next: 'deployment' },
      {
        id: 'deployment',
        path: 'deployment.md',
        title: 'Deployment',
        prev: 'cicd',
        next: 'testing/api',
      },
      {
        id: 'testing/api',
        path: 'testing/api.md',
        title: 'Load tests',
        prev: 'deployment',
        next: 'testing/unit',
      },
      {
        id: 'testing/unit',
        path: 'testing/unit.md',
        title: 'Unit tests',
        prev: 'testing/api',
      },
      { id: 'drafts/notes', path: 'drafts/notes.md', title: 'Notes for later' },
    ])
  })

  test('should let four pages have a section `basics`, each addressed with its page', () => {
    const pagesWithBasics = built.pageIds.filter((page) =>
      built.sectionIds[page]!.includes('basics'),
    )
    expect(pagesWithBasics).toEqual(['docker', 'cicd', 'deployment', 'testing/unit'])
    const texts = pagesWithBasics.map((page) =>
      JSON.stringify(built.getSection(page, 'basics').children[1]),
    )
    expect(new Set(texts).size).toBe(4)
    expect(() => built.getSection('index', 'basics')).toThrow(
      /Unknown section id `basics` in page `index`; known: shipping-software, how-to-read-it/,
    )
  })

  test('should turn relative links to pages into page links, fragments into sections', () => {
    const targets = (page: string) =>
      links(built.getPage(page).tree).map((link) => [link.url, link.data?.pageLink])
    expect(targets('index')).toEqual([
      ['docker.md', { page: 'docker', from: 'index' }],
      ['deployment.md#basics', { page: 'deployment', section: 'basics', from: 'index' }],
      ['testing/api.md#locust', { page: 'testing/api', section: 'locust', from: 'index' }],
    ])
    expect(targets('testing/api')).toEqual([
      ['../docker.md#images', { page: 'docker', section: 'images', from: 'testing/api' }],
      ['unit.md', { page: 'testing/unit', from: 'testing/api' }],
    ])
    // A raw `<a href>` is a link like any other; `#images` is a link to its own page.
    expect(targets('cicd')).toEqual([['testing/unit.md', { page: 'testing/unit', from: 'cicd' }]])
    expect(targets('docker')).toEqual([
      ['#images', { page: 'docker', section: 'images', from: 'docker' }],
    ])
  })

  test('should render links between pages as URLs relative to each page, through one option', () => {
    const api = built.getPage('testing/api').tree
    expect(toHtml(api)).toContain('<a href="../../docker/#user-content-images">')
    expect(toHtml(api)).toContain('<a href="../unit/">')
    expect(toHtml(built.getPage('docker').tree)).toContain('<a href="#user-content-images">')

    const absolute: LinkUrl = (link, { idPrefix }) =>
      `/guide/${link.page}.html${link.section ? `#${idPrefix}${link.section}` : ''}`
    expect(toHtml(api, { linkUrl: absolute })).toContain(
      '<a href="/guide/docker.html#user-content-images">',
    )
    const react = renderToStaticMarkup(toJsx(api, { Fragment, jsx, jsxs, linkUrl: absolute }))
    expect(react).toContain('<a href="/guide/docker.html#user-content-images">')
    expect(renderToStaticMarkup(toJsx(api, { Fragment, jsx, jsxs }))).toContain(
      '<a href="../../docker/#user-content-images">',
    )
    // Markdown keeps what the author wrote, so it parses back; or writes the option's URL.
    expect(toMarkdown(api)).toContain('[the image you ship](../docker.md#images)')
    expect(toMarkdown(api, { linkUrl: absolute })).toContain(
      '[the image you ship](/guide/docker.html#images)',
    )
  })

  test('should give pages that schema.json accepts, their links between pages included', () => {
    const validate = new Ajv2020({ strict: true }).compile(schema)
    for (const page of built.guide.pages) {
      expect(validate(JSON.parse(JSON.stringify(page))), page.id).toBe(true)
    }
    const page = JSON.parse(JSON.stringify(built.getPage('index'))) as GuidePage
    links(page.tree)[0]!.data!.pageLink!.page = 42 as never
    expect(validate(page)).toBe(false)
    expect(validate.errors?.map((error) => error.instancePath)).toContain(
      '/tree/children/1/children/1/children/1/data/pageLink/page',
    )
  })

  test('should report the page outside the nav, and build it', async () => {
    const { code, stdout } = await cli('check', '--format', 'json', 'devops')
    expect(code).toBe(0)
    const files = JSON.parse(stdout) as { path: string; messages: { rule: string }[] }[]
    expect(files.map((file) => file.path)).toEqual([
      'devops/mkdocs.yml',
      'devops/docs/cicd.md',
      'devops/docs/deployment.md',
      'devops/docs/docker.md',
      'devops/docs/drafts/notes.md',
      'devops/docs/index.md',
      'devops/docs/testing/api.md',
      'devops/docs/testing/unit.md',
    ])
    expect(files[0]!.messages).toEqual([
      {
        line: 15,
        column: 1,
        endLine: null,
        endColumn: null,
        severity: 'info',
        rule: 'page-not-in-nav',
        message: 'The page `drafts/notes.md` is built, but the `nav` does not list it',
        source: 'ai-engineer-content',
      },
    ])
    expect(files.slice(1).flatMap((file) => file.messages)).toEqual([])
    expect(built.getPage('drafts/notes').title).toBe('Notes for later')
  })

  test('should read mkdocs’ own YAML tags without a word', async () => {
    const { stderr } = await cli('check', 'devops/mkdocs.yml')
    expect(readFileSync(join(guides, 'devops/mkdocs.yml'), 'utf8')).toContain('!!python/name:')
    expect(stderr).not.toMatch(/YAMLWarning|TAG_RESOLVE_FAILED|python/)
  })

  test('should round-trip the whole guide: every page through toMarkdown gives the same guide', async () => {
    const copy = join(work, 'round-trip')
    await mkdir(join(copy, 'docs'), { recursive: true })
    await cp(join(guides, 'devops/mkdocs.yml'), join(copy, 'mkdocs.yml'))
    await cp(join(guides, 'devops/docs/images'), join(copy, 'docs/images'), { recursive: true })
    // `build` made each image's `src` the URL of its hashed copy: write the file's name
    // back, as the author did (the fixture's images are in `images/`, beside the pages).
    const asWritten = (tree: GuidePage['tree'], page: string): GuidePage['tree'] => {
      const copy = structuredClone(tree)
      visit(copy, 'figure', (figure) => {
        const name = figure.src.replace(/^.*\//, '').replace(/\.[0-9a-f]{8}(?=\.\w+$)/, '')
        figure.src = posix.relative(posix.dirname(page), `images/${name}`)
      })
      return copy
    }
    for (const page of built.guide.pages) {
      const file = join(copy, 'docs', ...page.path.split('/'))
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, toMarkdown({ ...page, tree: asWritten(page.tree, page.path) }))
    }
    const { code } = await run(process.execPath, [bin, 'build', '.', '--out', 'out'], copy)
    expect(code).toBe(0)
    const again = await load(join(copy, 'out'))
    expect(again.guide.nav).toEqual(built.guide.nav)
    expect(again.guide.pages.map((page) => bare(asWritten(page.tree, page.path)))).toEqual(
      built.guide.pages.map((page) => bare(asWritten(page.tree, page.path))),
    )
  })

  test('should type section and figure ids by their page in the declaration file', async () => {
    const project = join(work, 'typed')
    await mkdir(join(project, 'node_modules/@ai-engineer'), { recursive: true })
    await symlink(packageDir, join(project, 'node_modules/@ai-engineer/content'), 'dir')
    await symlink(join(packageDir, 'node_modules/@types'), join(project, 'node_modules/@types'))
    await cp(join(work, 'devops'), join(project, 'guide'), { recursive: true })
    await writeFile(join(project, 'package.json'), JSON.stringify({ type: 'module' }))
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    )
    await writeFile(
      join(project, 'consumer.ts'),
      [
        "import { getFigure, getSection, type SectionId } from './guide/index.js'",
        "getSection('docker', 'basics')",
        "getSection('cicd', 'basics')",
        "getFigure('deployment', 'pipeline')",
        "export const any: SectionId = 'locust'",
        "export const docker: SectionId<'docker'> = 'images'",
        '// @ts-expect-error: docker has `basics`, not `basic`',
        "getSection('docker', 'basic')",
        '// @ts-expect-error: there is no page `nope`',
        "getSection('nope', 'basics')",
        '// @ts-expect-error: `locust` is a section of testing/api, not of docker',
        "getSection('docker', 'locust')",
        '// @ts-expect-error: the figure `layers` is on docker, not on deployment',
        "getFigure('deployment', 'layers')",
        '',
      ].join('\n'),
    )
    const result = await run(process.execPath, [tsc, '-p', project], project)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  }, 60_000)
})

describe('a guide folder without mkdocs.yml', () => {
  test('should take its nav from its files: index first, then by name, folders as groups', async () => {
    const { code } = await cli('build', 'devops/docs', '--out', join(work, 'folder'))
    expect(code).toBe(0)
    const folder = await load(join(work, 'folder'))
    expect(folder.guide.title).toBe('Shipping software')
    expect(folder.guide.nav).toEqual([
      { title: 'Shipping software', page: 'index' },
      { title: 'CI/CD', page: 'cicd' },
      { title: 'Deployment', page: 'deployment' },
      { title: 'Containers', page: 'docker' },
      { title: 'Drafts', children: [{ title: 'Notes for later', page: 'drafts/notes' }] },
      {
        title: 'Testing',
        children: [
          { title: 'Load tests', page: 'testing/api' },
          { title: 'Unit tests', page: 'testing/unit' },
        ],
      },
    ])
  })
})

describe('loose ends (test/guides/devops-broken)', () => {
  const expected = [
    'devops-broken/mkdocs.yml:6:5: warning The `nav` lists `upgrade.md`, which is not in `devops-broken/docs`: the entry is left out (nav-file)',
    'devops-broken/docs/index.md:3:40: warning The link to `setup.md#basic` names `#basic`, which is no section or heading of page `setup` (setup.md); its sections: setup, basics (link-anchor)',
    'devops-broken/docs/index.md:4:5: warning The link to `install.md` points to no page of the guide (link-page)',
    'devops-broken/docs/setup.md:7:1: warning Attribute `width` on `<img>` is dropped: style it with CSS (attribute-dropped)',
    'devops-broken/docs/setup.md:7:1: warning An `<img>` has no `alt`, so it keeps an empty one (screen readers skip it): describe the image in `alt` (image-alt)',
  ]

  test('should report a broken link and anchor at their line and column, and build', async () => {
    const { code, stdout } = await cli('check', '--format', 'unix', 'devops-broken')
    expect(stdout.trim().split('\n')).toEqual(expected)
    expect(code).toBe(0)
    const out = join(work, 'broken')
    expect((await cli('build', 'devops-broken', '--out', out)).code).toBe(0)
    const loose = await load(out)
    expect(loose.guide.nav).toEqual([
      { title: 'Home', page: 'index' },
      { title: 'Setup', page: 'setup' },
    ])
    // The anchor that does not exist still links to its page; the missing page is a plain link.
    expect(links(loose.getPage('index').tree).map((link) => link.data?.pageLink)).toEqual([
      { page: 'setup', from: 'index' },
      { page: 'setup', from: 'index' },
      undefined,
    ])
  })

  test('should fail under --strict, on the warnings the default lets through', async () => {
    const { code, stdout } = await cli('check', '--strict', '--format', 'unix', 'devops-broken')
    expect(stdout.trim().split('\n')).toEqual(expected)
    expect(code).toBe(1)
    const out = join(work, 'strict')
    const build = await cli('build', '--strict', 'devops-broken', '--out', out)
    expect(build.code).toBe(1)
    expect(build.stderr).toContain(`the guide has errors; ${out} is unchanged`)
    await expect(readdir(out)).rejects.toThrow(/ENOENT/)
  })

  test('should let a rule be set from the command line', async () => {
    const { code, stdout } = await cli(
      'check',
      '--format',
      'unix',
      '--rule',
      'link-page=error',
      '--rule',
      'image-alt=off',
      '--rule',
      'attribute-dropped=off',
      'devops-broken',
    )
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toEqual([
      expected[0],
      expected[1],
      expected[2]!.replace(': warning ', ': error '),
    ])
  })

  test('should print GitHub workflow annotations', async () => {
    const { stdout } = await cli('check', '--format', 'github', 'devops-broken')
    expect(stdout.trim().split('\n')[2]).toBe(
      '::warning file=devops-broken/docs/index.md,line=4,col=5,endLine=4,endColumn=31,title=link-page::The link to `install.md` points to no page of the guide',
    )
  })
})

describe('ai-engineer-content build', () => {
  test('should write nothing when the guide has an error, leaving the folder as it was', async () => {
    const copy = join(work, 'with-error')
    await cp(join(guides, 'devops'), copy, { recursive: true })
    const out = join(copy, 'out')
    expect((await run(process.execPath, [bin, 'build', '.', '--out', 'out'], copy)).code).toBe(0)
    const before = await readFile(join(out, 'index.js'), 'utf8')
    await writeFile(
      join(copy, 'docs/docker.md'),
      `${await readFile(join(copy, 'docs/docker.md'), 'utf8')}\n<marquee>New!</marquee>\n`,
    )
    const broken = await run(process.execPath, [bin, 'build', '.', '--out', 'out'], copy)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/^docs\/docker\.md\n23:1-23:10 +error +Raw HTML `<marquee>`/)
    expect(await readFile(join(out, 'index.js'), 'utf8')).toBe(before)
    expect((await readdir(copy)).filter((name) => name.startsWith('.out'))).toEqual([])
  })
})
