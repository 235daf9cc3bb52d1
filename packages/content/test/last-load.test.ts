import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { afterChanges, guideCase, readsHook, traceBin } from './helpers.ts'

/**
 * `check` and `build` in a new process after an edit of a page's body take the rest of
 * the guide from the last load's record: they read the edited page only, and give what a
 * load of the whole guide gives. The bin runs with a hook (`--import`) that lists every
 * page and cache file it reads, and sets its clock (`Date.now`) past the guide's last
 * change, so the files are old enough to be stamped without waiting.
 */
const fixture = fileURLToPath(new URL('guides/devops', import.meta.url))

let root: string
let hook: string
let guide: string
let cacheDir: string
let out: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'guide-last-load-'))
  hook = await readsHook(root, /\.(md|json)$/)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

beforeEach(async () => {
  ;({ guide, cacheDir, out } = await guideCase(root, fixture))
})

interface Run {
  code: number
  stderr: string
  /** The pages it read (relative to `docs/`), and the cache's files of outlines it read. */
  pages: string[]
  outlines: string[]
}

/** The bin in a new process in the guide's folder, its clock three seconds past its last change. */
async function cli(...args: string[]): Promise<Run> {
  const { code, stderr, read } = await traceBin(hook, args, {
    cwd: guide,
    clock: await afterChanges(guide, 3000),
  })
  return {
    code,
    // The time it took is the one part of the report that differs from run to run.
    stderr: stderr.replace(/ in \d+ ms/g, ' in … ms'),
    pages: read
      .filter((path) => path.endsWith('.md'))
      .map((path) => relative(join(guide, 'docs'), path).split('\\').join('/'))
      .sort(),
    outlines: read.filter((path) => /outlines-[\da-f]\.json$/.test(path)),
  }
}

const build = (...args: string[]): Promise<Run> =>
  cli('build', 'mkdocs.yml', '--out', out, '--cache-dir', cacheDir, ...args)

const check = (...args: string[]): Promise<Run> =>
  cli('check', 'mkdocs.yml', '--cache-dir', cacheDir, ...args)

/** Every file of a folder with its text, but the build's list (its digests differ without a cache). */
async function files(folder: string): Promise<Map<string, string>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name !== '.ai-engineer-content.json')
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort()
  return new Map(
    await Promise.all(
      names.map(async (name): Promise<[string, string]> => [
        name,
        await readFile(join(folder, name), 'latin1'),
      ]),
    ),
  )
}

/** What a build of the whole guide from no cache writes, and reports. */
async function wholeBuild(): Promise<{ files: Map<string, string>; stderr: string }> {
  const folder = join(root, `whole-${Date.now()}-${Math.random()}`)
  const { stderr } = await cli('build', 'mkdocs.yml', '--out', folder, '--no-cache')
  return { files: await files(folder), stderr }
}

/** The messages of a report, without its last line (what was built or checked, and how). */
const messages = (stderr: string): string => stderr.split('\n').slice(0, -2).join('\n')

async function edit(page: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(guide, 'docs', page)
  const text = await readFile(path, 'utf8')
  const edited = text.replace(from, to)
  expect(edited).not.toBe(text)
  await writeFile(path, edited)
}

describe('ai-engineer-content after an edit of a page body, in a new process', () => {
  test('should build reading only the edited page, and write what a whole build writes', async () => {
    const first = await build()
    expect(first.code).toBe(0)
    expect(first.outlines).not.toEqual([])
    await edit('docker.md', 'always cooks', 'always bakes')
    const second = await build()
    expect(second.code).toBe(0)
    expect(second.pages).toEqual(['docker.md'])
    expect(second.outlines).toEqual([])
    expect(second.stderr).toMatch(/, 1 file written; 1 parsed, 6 from the cache\n$/)
    const whole = await wholeBuild()
    expect(await files(out)).toEqual(whole.files)
    expect(messages(second.stderr)).toBe(messages(whole.stderr))
    expect(messages(second.stderr)).toMatch(/page-not-in-nav/)
    // And again, from the record that build left.
    await edit('testing/api.md', 'not at a build', 'not at any build')
    const third = await build()
    expect(third.pages).toEqual(['testing/api.md'])
    expect(third.outlines).toEqual([])
    expect(await files(out)).toEqual((await wholeBuild()).files)
  })

  test('should check reading only the edited page, with the messages of a whole check', async () => {
    expect((await check()).code).toBe(0)
    await edit('deployment.md', 'Build the image first', 'Build the image before')
    const second = await check()
    expect(second.pages).toEqual(['deployment.md'])
    expect(second.outlines).toEqual([])
    const whole = await cli('check', 'mkdocs.yml', '--no-cache')
    expect(messages(second.stderr)).toBe(messages(whole.stderr))
    expect(second.stderr).toMatch(
      /checked 8 files in … ms \(1 parsed, 6 from the cache\): no errors/,
    )
  })

  test('should report a link the edit broke at its line and column, and write nothing', async () => {
    await build()
    const before = await files(out)
    await edit('deployment.md', 'cicd.md#pipelines', 'cicd.md#pipeline-stages')
    const broken = await build('--strict')
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(
      /deployment\.md\n7:\d+-7:\d+ +warning +The link to `cicd\.md#pipeline-stages` names `#pipeline-stages`, which is no section or heading of page `cicd` \(cicd\.md\); its sections: cicd, /,
    )
    expect(broken.stderr).toMatch(/the guide has errors; .* is unchanged/)
    expect(await files(out)).toEqual(before)
    // Without --strict, a warning: built, as a whole build builds it.
    const warned = await build()
    expect(warned.code).toBe(0)
    expect(warned.outlines).toEqual([])
    const whole = await wholeBuild()
    expect(await files(out)).toEqual(whole.files)
    expect(messages(warned.stderr)).toBe(messages(whole.stderr))
  })

  test('should measure and name an image the edit added, and report one that is missing', async () => {
    await build()
    await edit('cicd.md', /\n$/, '\n\n![The pipeline](images/pipeline.png)\n')
    const added = await build()
    expect(added.code).toBe(0)
    expect(added.outlines).toEqual([])
    const whole = await wholeBuild()
    expect(await files(out)).toEqual(whole.files)
    expect(whole.files.get('pages/cicd.js')).toMatch(/width\\":8,\\"height\\":4/)
    await edit('cicd.md', 'images/pipeline.png', 'images/stages.png')
    const missing = await build()
    expect(missing.code).toBe(1)
    expect(missing.outlines).toEqual([])
    expect(missing.stderr).toMatch(
      /cicd\.md\n\d+:1-\d+:\d+ +error +The image `images\/stages\.png` is missing: no file `images\/stages\.png` in the guide's folder/,
    )
  })

  test('should load the whole guide when an edit renames a heading that links name', async () => {
    await build()
    // `deployment.md` links to `docker.md#basics`.
    await edit('docker.md', '## Basics', '## First steps')
    const renamed = await build()
    expect(renamed.outlines).not.toEqual([])
    expect(renamed.stderr).toMatch(
      /deployment\.md\n7:\d+-7:\d+ +warning +The link to `docker\.md#basics` names `#basics`/,
    )
    const whole = await wholeBuild()
    expect(await files(out)).toEqual(whole.files)
    expect(messages(renamed.stderr)).toBe(messages(whole.stderr))
  })

  test('should load the whole guide when an image, mkdocs.yml or the list of pages changed', async () => {
    await build()
    const changes = [
      () =>
        writeFile(
          join(guide, 'docs/images/layers.svg'),
          '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"/>',
        ),
      () => edit('../mkdocs.yml', 'site_name: Shipping Software', 'site_name: Shipping'),
      () => writeFile(join(guide, 'docs/drafts/more.md'), '# More notes\n\nLater.\n'),
    ]
    for (const change of changes) {
      await change()
      const after = await build()
      expect(after.outlines).not.toEqual([])
      expect(await files(out)).toEqual((await wholeBuild()).files)
    }
  })

  test('should load the whole guide when the record cannot be read', async () => {
    await build()
    const [folder] = await readdir(cacheDir)
    const record = join(cacheDir, folder!, 'last-build.json')
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ pages: expect.any(Array) })
    await writeFile(record, '{"context": ')
    await edit('docker.md', 'always cooks', 'always bakes')
    const after = await build()
    expect(after.code).toBe(0)
    expect(after.outlines).not.toEqual([])
    expect(await files(out)).toEqual((await wholeBuild()).files)
    // It left a record again.
    await edit('docker.md', 'always bakes', 'always cooks')
    expect((await build()).outlines).toEqual([])
  })

  test("should keep the other pages' module texts in the cache", async () => {
    await build()
    // Into another folder: every module is made again from the cache, and its text kept.
    const other = join(root, `other-${Date.now()}`)
    await cli('build', 'mkdocs.yml', '--out', other, '--cache-dir', cacheDir)
    const [folder] = await readdir(cacheDir)
    const texts = async (): Promise<string[]> =>
      (await readdir(join(cacheDir, folder!))).filter((name) => name.endsWith('.txt'))
    const kept = await texts()
    expect(kept).toHaveLength(7)
    await edit('docker.md', 'always cooks', 'always bakes')
    const quick = await cli('build', 'mkdocs.yml', '--out', other, '--cache-dir', cacheDir)
    expect(quick.outlines).toEqual([])
    expect((await texts()).filter((name) => kept.includes(name))).toHaveLength(6)
  })

  test('should build the whole guide into a folder the last build did not write', async () => {
    await build()
    await edit('docker.md', 'always cooks', 'always bakes')
    const other = join(root, `other-${Date.now()}`)
    const { stderr } = await cli('build', 'mkdocs.yml', '--out', other, '--cache-dir', cacheDir)
    expect(await files(other)).toEqual((await wholeBuild()).files)
    expect(stderr).toMatch(/, 18 files written;/)
  })
})
