/**
 * The API reports and the semver guard. The committed reports must match the build, the
 * repository's pending changesets must cover its API changes, and planted changes in a
 * clone of the repository get the guard's verdict. A planted change edits the clone's BUILT
 * declarations (what a source change and a build would produce), then `pnpm api`'s report
 * writer runs there.
 */
import { realpathSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { reportDifference, reportStates, writeReports } from '../src/api-cli.ts'
import { releaseLine } from '../src/changelog.ts'
import { runOk } from '../src/exec.ts'
import { runGuard } from '../src/guard.ts'
import { repoRoot } from '../src/workspace.ts'

const content = '@ai-engineer/content'
const contentDir = path.join(repoRoot, 'packages', 'content')
const clones: string[] = []

/** A clone of the repository's HEAD with content's build and dependencies, no pending changeset. */
async function cloneWorkspace(): Promise<string> {
  const dir = realpathSync(await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-guard-')))
  clones.push(dir)
  const clone = path.join(dir, 'repo')
  await runOk('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, clone], { cwd: dir })
  const pkg = path.join(clone, 'packages', 'content')
  await cp(path.join(contentDir, 'dist'), path.join(pkg, 'dist'), { recursive: true })
  await symlink(path.join(contentDir, 'node_modules'), path.join(pkg, 'node_modules'), 'dir')
  for (const file of await readdir(path.join(clone, '.changeset'))) {
    if (file.endsWith('.md') && file !== 'README.md') await rm(path.join(clone, '.changeset', file))
  }
  return clone
}

/** Edit a built declaration file of content in the clone, then rewrite its report. */
async function plant(clone: string, file: string, edit: (text: string) => string) {
  const target = path.join(clone, 'packages', 'content', 'dist', file)
  const before = await readFile(target, 'utf8')
  const after = edit(before)
  expect(after, `the planted edit changes ${file}`).not.toBe(before)
  await writeFile(target, after)
  return writeReports(clone, [content])
}

/** An export added to the `/html` entry. */
function addHtmlVersion(text: string): string {
  return text.replace(
    'export { type HtmlOptions, guideSanitizeSchema, toHtml };',
    'declare const htmlVersion: number;\nexport { type HtmlOptions, guideSanitizeSchema, htmlVersion, toHtml };',
  )
}

async function changeset(clone: string, bump: 'patch' | 'minor' | 'major') {
  await writeFile(
    path.join(clone, '.changeset', 'planted.md'),
    `---\n'${content}': ${bump}\n---\n\nA planted change.\n`,
  )
}

async function guard(clone: string, title: string) {
  const result = await runGuard(clone, { base: 'HEAD' })
  process.stderr.write(`\n--- ${title}\n${result.output}\n`)
  return result
}

const removeIsSafeUrl = (text: string) =>
  text.replace(/\/\*\*(?:(?!\*\/)[\s\S])*?\*\/\nexport declare function isSafeUrl[^\n]*\n/, '')

afterEach(async () => {
  for (const dir of clones.splice(0)) await rm(dir, { recursive: true, force: true })
})

describe('API reports', () => {
  it('should match the committed reports with the build of every published package', async () => {
    const states = await reportStates(repoRoot)
    expect(states.map((state) => state.name)).toEqual([
      '@ai-engineer/components',
      '@ai-engineer/content',
    ])
    for (const state of states) {
      expect(state.committed, `${state.file} is committed`).toBeDefined()
      expect(state.committed === state.expected, reportDifference(state)).toBe(true)
    }
  })

  it('should report every entry point of exports, and list the non-code ones by path', async () => {
    const [state] = await reportStates(repoRoot, [content])
    const headings = state?.expected.match(/^## .*$/gm)
    expect(headings).toEqual([
      '## `@ai-engineer/content`',
      '## `@ai-engineer/content/parse`',
      '## `@ai-engineer/content/html`',
      '## `@ai-engineer/content/markdown`',
      '## `@ai-engineer/content/jsx`',
      '## `@ai-engineer/content/derived`',
      '## `@ai-engineer/content/search`',
      '## `@ai-engineer/content/vite`',
      '## `@ai-engineer/content/astro`',
      '## Other exports',
    ])
    expect(state?.expected).toContain('- `@ai-engineer/content/package.json`')
    expect(state?.expected).toContain('export function isSafeUrl(url: string): boolean;')
  })
})

describe('semver guard', () => {
  it('should pass on the repository: its pending changesets cover its API changes', async () => {
    const result = await runGuard(repoRoot)
    expect(result.ok, result.output).toBe(true)
  })

  it('should fail when isSafeUrl is removed with a patch changeset, naming the line', async () => {
    const clone = await cloneWorkspace()
    expect(await plant(clone, 'index.d.ts', removeIsSafeUrl)).toEqual([
      'packages/content/api/content.api.md',
    ])
    await changeset(clone, 'patch')
    const result = await guard(clone, 'isSafeUrl removed, patch changeset')
    expect(result.ok).toBe(false)
    const verdict = result.packages.find((p) => p.name === content)
    expect(verdict).toMatchObject({ needed: 'minor', given: 'patch', ok: false })
    const committed = await readFile(
      path.join(repoRoot, 'packages/content/api/content.api.md'),
      'utf8',
    )
    const line =
      committed.split('\n').indexOf('export function isSafeUrl(url: string): boolean;') + 1
    expect(line).toBeGreaterThan(0)
    expect(result.output).toContain(
      `✖ packages/content/api/content.api.md:${line} (at the base) [@ai-engineer/content]\n` +
        '      - export function isSafeUrl(url: string): boolean;\n' +
        '      breaking (removed or changed: importers may rely on it) → needs minor, minor while 0.x',
    )
    expect(result.output).toMatch(/API guard: failed$/)
  })

  it('should pass when isSafeUrl is removed with a minor changeset while at 0.x', async () => {
    const clone = await cloneWorkspace()
    await plant(clone, 'index.d.ts', removeIsSafeUrl)
    await changeset(clone, 'minor')
    const result = await guard(clone, 'isSafeUrl removed, minor changeset')
    expect(result.ok, result.output).toBe(true)
    expect(result.packages.find((p) => p.name === content)).toMatchObject({
      needed: 'minor',
      given: 'minor',
    })
  })

  it('should fail when an export is added with no changeset', async () => {
    const clone = await cloneWorkspace()
    await plant(clone, 'html.d.ts', addHtmlVersion)
    const result = await guard(clone, 'export added, no changeset')
    expect(result.ok).toBe(false)
    expect(result.packages.find((p) => p.name === content)).toMatchObject({
      needed: 'minor',
      given: 'none',
    })
    expect(result.output).toMatch(
      /✖ packages\/content\/api\/content\.api\.md:\d+ \[@ai-engineer\/content\/html\]\n {6}\+ export const htmlVersion: number;\n {6}an addition \(added\) → needs minor/,
    )
    expect(result.output).toContain('no pending changeset names it')
  })

  it('should pass with no changeset when only a doc comment changes', async () => {
    const clone = await cloneWorkspace()
    const written = await plant(clone, 'index.d.ts', (text) =>
      text.replace('Whether `url` is safe', 'Tells whether `url` is safe'),
    )
    expect(written).toEqual([])
    const result = await guard(clone, 'doc comment changed, no changeset')
    expect(result.ok, result.output).toBe(true)
    expect(result.output).toContain('✔ @ai-engineer/content: API unchanged')
  })
})

describe('changelog', () => {
  it('should link each entry to its package and say Breaking only where the guard finds it', async () => {
    const clone = await cloneWorkspace()
    const git = (args: string[]) =>
      runOk('git', ['-c', 'user.name=Guard', '-c', 'user.email=guard@example.invalid', ...args], {
        cwd: clone,
      })
    const commitChange = async (bump: 'minor') => {
      await changeset(clone, bump)
      await git(['add', 'packages/content/api', '.changeset'])
      await git(['commit', '--quiet', '--message', 'planted'])
      return (await git(['rev-parse', 'HEAD'])).stdout.trim()
    }
    await plant(clone, 'html.d.ts', addHtmlVersion)
    const addition = await commitChange('minor')
    await plant(clone, 'index.d.ts', removeIsSafeUrl)
    const removal = await commitChange('minor')

    const options = { repo: 'ai-engineer-guide/ai-engineer' }
    const entry = (commit: string, summary: string) =>
      releaseLine(clone, { summary, commit, releases: [{ name: content, type: 'minor' }] }, options)
    const link =
      '[`@ai-engineer/content`](https://github.com/ai-engineer-guide/ai-engineer/tree/main/packages/content)'
    expect(await entry(addition, 'New `htmlVersion`.')).toBe(
      `- ${link} (${addition.slice(0, 7)}): New \`htmlVersion\`.`,
    )
    expect(await entry(removal, 'Drop `isSafeUrl`.\n\nUse `safeProtocols`.')).toBe(
      `- ${link} (${removal.slice(0, 7)}): **Breaking** (\`@ai-engineer/content\`) Drop \`isSafeUrl\`.\n\n  Use \`safeProtocols\`.`,
    )
  })
})
