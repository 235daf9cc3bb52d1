import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bytes } from './helpers.ts'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
}
const bin = join(packageDir, manifest.bin['ai-engineer-content']!)
const hostile = (name: string): string => join(packageDir, 'test/hostile', name, 'input.md')

/** Run the built bin, as an author would (no TTY, so no colours). */
function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'content-cli-'))
  await writeFile(join(dir, 'good.md'), '---\ntitle: Good\ncolour: blue\n---\n\n# Good\n\nText.\n')
  await writeFile(join(dir, 'latin1.md'), bytes('# Caf', [0xe9], '\n'))
  await writeFile(join(dir, 'deep.md'), '# Deep\n\n> > > > four\n')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('ai-engineer-content', () => {
  test('should be declared as a bin with a shebang', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(
      readFileSync(join(packageDir, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n'),
    ).toBe(true)
  })

  test('should run from its own two files and Node.js, on its thread and its workers', async () => {
    // Every module the bin loads, on the main thread and in the workers it starts (which
    // take the same --import): a build of 48 pages on 2 threads parses on both.
    const guide = join(dir, 'many')
    await mkdir(join(guide, 'docs'), { recursive: true })
    await writeFile(join(guide, 'mkdocs.yml'), 'site_name: Many\n')
    for (let n = 0; n < 48; n++) {
      await writeFile(
        join(guide, 'docs', `page-${n}.md`),
        `---\ntitle: Page ${n}\n---\n\n# Page ${n}\n\nText :tada: and [the next](page-${(n + 1) % 48}.md).\n`,
      )
    }
    const log = join(dir, 'loaded.txt')
    const hook = join(dir, 'record-loads.mjs')
    await writeFile(
      hook,
      `import module from 'node:module'\nimport { appendFileSync } from 'node:fs'\nmodule.registerHooks({ load(url, context, next) { appendFileSync(process.env.LOADED, url + '\\n'); return next(url, context) } })\n`,
    )
    const args = ['build', join(guide, 'mkdocs.yml'), '--out', join(guide, 'out'), '--threads', '2']
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', pathToFileURL(hook).href, bin, ...args, '--no-cache'],
        { cwd: dir, env: { ...process.env, LOADED: log } },
        (error, _stdout, stderr) => resolve({ code: error ? 1 : 0, stderr }),
      )
    })
    expect(stderr).toContain('48 parsed on 2 threads')
    expect(code).toBe(0)
    const loaded = new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((url) => url !== '' && !url.startsWith('node:'))
        .map((url) => relative(packageDir, fileURLToPath(url)).split('\\').join('/')),
    )
    loaded.delete(relative(packageDir, hook).split('\\').join('/'))
    expect([...loaded].sort()).toEqual([
      'bin/ai-engineer-content.js',
      'dist/cli.js',
      'dist/worker.js',
    ])
  })

  test('should load its two files as ASCII, their libraries’ non-ASCII text escaped', () => {
    // Node.js decodes a module's file before V8 compiles it (or takes its code from the
    // compile cache): ASCII decodes on a fast path, into a string of one byte a character.
    for (const file of ['dist/cli.js', 'dist/worker.js']) {
      const text = readFileSync(join(packageDir, file), 'latin1')
      const first = [...text].findIndex((character) => character.charCodeAt(0) > 0x7f)
      expect(first === -1 ? 'all ASCII' : text.slice(Math.max(0, first - 40), first + 10)).toBe(
        'all ASCII',
      )
    }
  })

  test('should print its usage with --help and exit 0', async () => {
    const { code, stdout } = await run('--help')
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^Usage: ai-engineer-content check \[options\] <files \| dir \| mkdocs\.yml>…\n +ai-engineer-content build \[options\] <dir \| mkdocs\.yml> --out <dir>/,
    )
    expect(stdout).toContain('--strict')
    expect(stdout).toContain('--max-nesting <n>')
  })

  test.each([
    [[], 'No command given'],
    [['lint', 'a.md'], 'Unknown command `lint`'],
    [['check'], 'No files given'],
    [['check', '--max-bytes', 'lots', 'a.md'], '--max-bytes takes a positive whole number'],
    [['check', '--colour', 'a.md'], "Unknown option '--colour'"],
  ])('should exit 2 with the usage on a usage error: %j', async (args, reason) => {
    const { code, stderr } = await run(...args)
    expect(code).toBe(2)
    expect(stderr).toContain(reason)
    expect(stderr).toContain('Usage: ai-engineer-content check')
  })

  test('should exit 0 on a valid guide, warnings printed with line and column', async () => {
    const { code, stderr } = await run('check', join(packageDir, 'guide/intro.md'), 'good.md')
    expect(code).toBe(0)
    expect(stderr).toContain('guide/intro.md: no issues found')
    expect(stderr).toMatch(
      /good\.md\n3:1 +warning +Unknown frontmatter key `colour` is ignored.*frontmatter-unknown-key/,
    )
    expect(stderr).toMatch(
      /ai-engineer-content: checked 2 files in \d+ ms \(2 parsed, 0 from the cache\): no errors\n$/,
    )
  })

  test('should print every message of every file and exit 1 when one has errors', async () => {
    const { code, stderr } = await run(
      'check',
      hostile('html-inline-unknown'),
      hostile('link-javascript-mixed-case'),
      'latin1.md',
      'missing.md',
      'good.md',
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/html-inline-unknown\/input\.md\n3:6-3:30 +error +Raw HTML `<span>`/)
    expect(stderr).toMatch(/3:33-3:40 +error +Raw HTML `<\/span>`/)
    expect(stderr).toMatch(/link-javascript-mixed-case\/input\.md\n3:7-3:34 +error +Unsafe URL/)
    expect(stderr).toMatch(/latin1\.md\n1:6 +error +Invalid UTF-8: byte 0xE9 at offset 5/)
    expect(stderr).toMatch(/missing\.md\n +error +Cannot read the file: ENOENT/)
    expect(stderr).toMatch(/good\.md\n3:1 +warning/)
    expect(stderr).toContain('6 messages (✖ 5 errors, ⚠ 1 warning)')
    expect(stderr).toMatch(
      /checked 5 files in \d+ ms \(4 parsed, 0 from the cache\): 4 with errors\n$/,
    )
  })

  test('should report the admonitions that do not read, each at its line and column', async () => {
    const fixture = (name: string): string => join(packageDir, 'test/fixtures', name, 'input.md')
    const { code, stderr } = await run(
      'check',
      fixture('admonition-error-qualifier'),
      fixture('admonition-error-quote'),
      fixture('admonition-error-indent'),
      fixture('admonition-forms'),
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/3:4 +error +`!!!` needs a qualifier word.*admonition-header/)
    expect(stderr).toMatch(
      /3:13 +error +The admonition's title has no closing `"`.*admonition-header/,
    )
    expect(stderr).toMatch(/6:1 +error +The body of `!!! note` is not indented.*admonition-indent/)
    expect(stderr).toContain('admonition-forms/input.md: no issues found')
    expect(stderr).toMatch(
      /checked 4 files in \d+ ms \(4 parsed, 0 from the cache\): 3 with errors\n$/,
    )
  })

  test('should count admonitions as nesting, before parsing', async () => {
    const deep = ['!!! a', '    !!! b', '        !!! c', '            > quoted'].join('\n')
    await writeFile(join(dir, 'admonitions.md'), `# Deep\n\n${deep}\n`)
    expect((await run('check', '--max-nesting', '4', 'admonitions.md')).code).toBe(0)
    const { code, stderr } = await run('check', '--max-nesting', '3', 'admonitions.md')
    expect(code).toBe(1)
    expect(stderr).toMatch(/admonitions\.md\n6:13 +error +Block quotes and lists nest more than 3/)
  })

  test('should take the limits as options', async () => {
    expect((await run('check', 'deep.md')).code).toBe(0)
    const { code, stderr } = await run('check', '--max-nesting', '3', 'deep.md')
    expect(code).toBe(1)
    expect(stderr).toMatch(/deep\.md\n3:7 +error +Block quotes and lists nest more than 3 levels/)
  })
})
