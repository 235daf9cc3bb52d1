import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  appendFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pathToFileURL } from 'node:url'
import { guides } from '@ai-engineer/content/vite'
import { createServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

/**
 * The build script, unchanged, run on a copy of the package in a workspace of
 * its own (so the real `dist/` that other tests import is never touched):
 * built once, then with a broken guide. The broken build must fail with the
 * positioned error and leave `dist/` (and the generated data) byte for byte
 * as it was.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const rootDir = join(packageDir, '../..')

let workspace: string
let copy: string

function build(): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(copy, 'node_modules/tsx/dist/cli.mjs')
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsx, 'scripts/build.ts'],
      { cwd: copy, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** Every file under `dir`, as path → SHA-256 of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex')
  }
  return files
}

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'content-atomic-'))
  copy = join(workspace, 'packages/content')
  await mkdir(copy, { recursive: true })
  for (const name of ['tsconfig.base.json', 'tsdown.base.ts']) {
    await cp(join(rootDir, name), join(workspace, name))
  }
  for (const name of [
    'guide',
    'scripts',
    'src',
    'package.json',
    'tsconfig.json',
    'tsdown.config.ts',
  ]) {
    await cp(join(packageDir, name), join(copy, name), { recursive: true })
  }
  await symlink(join(rootDir, 'node_modules'), join(workspace, 'node_modules'), 'dir')
  await symlink(join(packageDir, 'node_modules'), join(copy, 'node_modules'), 'dir')
})

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
})

describe('the content build', () => {
  test('should fail on a broken guide with the positioned error, leaving dist/ exactly as it was', async () => {
    const first = await build()
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const dist = await snapshot(join(copy, 'dist'))
    expect(Object.keys(dist)).toContain('parse.js')
    const generated = await readFile(join(copy, 'src/generated/guide.ts'))

    const guide = join(copy, 'guide/intro.md')
    const lines = (await readFile(guide, 'utf8')).split('\n').length
    await appendFile(guide, '\n<section>Not markdown</section>\n')
    const broken = await build()
    expect(broken.code).toBe(1)
    // vfile-reporter's format: the file, then `line:column-line:column  error  reason  rule  source`.
    expect(broken.stderr).toMatch(
      new RegExp(
        `guide/intro\\.md\\n\\s*${lines + 1}:1-${lines + 1}:32\\s+error\\s+Raw HTML \`<section>\` is not supported.*html-unknown\\s+ai-engineer-content`,
      ),
    )
    expect(broken.stderr).toContain(
      '[content] build failed: 1 page(s) with errors; dist/ is unchanged',
    )
    expect(await snapshot(join(copy, 'dist'))).toEqual(dist)
    expect(await readFile(join(copy, 'src/generated/guide.ts'))).toEqual(generated)
    expect((await readdir(copy)).filter((name) => name.startsWith('.dist'))).toEqual([])

    // Invalid UTF-8 is a positioned error too, not a page of U+FFFD.
    await writeFile(
      guide,
      Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    )
    const binary = await build()
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(
      /guide\/intro\.md\n\s*1:6\s+error\s+Invalid UTF-8: byte 0xE9 at offset 5/,
    )
    expect(await snapshot(join(copy, 'dist'))).toEqual(dist)
  }, 240_000)

  test('should build a guide of many pages to the same data as the bin and the Vite plugin', async () => {
    const fixture = join(packageDir, 'test/guides/devops')
    await rm(join(copy, 'guide'), { recursive: true, force: true })
    await cp(fixture, join(copy, 'guide'), { recursive: true })
    const packaged = await build()
    expect(packaged.stderr).toContain('drafts/notes.md` is built, but the `nav` does not list it')
    expect(packaged.code).toBe(0)
    const fromPackage = (await import(pathToFileURL(join(copy, 'dist/index.js')).href)) as {
      guide: unknown
    }

    const out = join(workspace, 'cli-out')
    const bin = join(packageDir, 'bin/ai-engineer-content.js')
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [bin, 'build', join(fixture, 'mkdocs.yml'), '--out', out],
        (error) => (error ? reject(error) : resolve()),
      )
    })
    const fromCli = (await import(pathToFileURL(join(out, 'index.js')).href)) as { guide: unknown }

    const server = await createServer({
      root: workspace,
      configFile: false,
      logLevel: 'silent',
      plugins: [guides({ dir: join(fixture, 'mkdocs.yml'), dts: false })],
      server: { middlewareMode: true, ws: false, watch: null },
    })
    try {
      // The same data, but for where each image is: the package's build leaves its `src`
      // as written, `build` copies the file with a hashed name, Vite serves it.
      const same = (guide: unknown, src: (src: string) => string): unknown =>
        JSON.parse(JSON.stringify(guide), (key, value: unknown) =>
          key === 'src' && typeof value === 'string' ? src(value) : value,
        )
      const fileName = (src: string): string =>
        src.replace(/^.*\//, '').replace(/\.[0-9a-f]{8}(?=\.\w+$)/, '')
      const fromVite = (await server.ssrLoadModule('virtual:guides')) as { guide: unknown }
      expect(same(fromCli.guide, fileName)).toEqual(same(fromPackage.guide, fileName))
      const served: string[] = []
      expect(same(fromVite.guide, (src) => (served.push(src), ''))).toEqual(
        same(fromPackage.guide, () => ''),
      )
      // Each figure shows in its page's tree, its sections and its figures.
      expect([...new Set(served)]).toEqual([
        expect.stringMatching(/^\/@fs\/.*\/images\/layers\.svg\b/),
        expect.stringMatching(/^\/@fs\/.*\/images\/pipeline\.png\b/),
      ])
      expect(JSON.stringify(fromCli.guide)).toMatch(
        /"src":"file:[^"]*\/assets\/layers\.[0-9a-f]{8}\.svg"/,
      )
      expect((fromPackage.guide as { pages: unknown[] }).pages).toHaveLength(7)
      // llms.txt follows the nav, its groups as sections; a link between pages points to
      // the other page's plain markdown.
      const llms = await readFile(join(copy, 'dist/llms.txt'), 'utf8')
      expect(llms.match(/^## .*$/gm)).toEqual([
        '## Pages',
        '## Build',
        '## Run',
        '## Outside the nav',
        '## Optional',
      ])
      expect(llms).toContain('- [Load tests](llms/testing/api.md): ')
      expect(llms).toContain('- [Further reading](https://example.com/handbook)')
      expect(await readFile(join(copy, 'dist/llms/testing/api.md'), 'utf8')).toContain(
        '[the image you ship](../docker.md)',
      )
    } finally {
      await server.close()
    }
  }, 240_000)
})
