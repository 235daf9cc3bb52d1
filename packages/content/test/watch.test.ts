import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bytes } from './helpers.ts'

const execFileAsync = promisify(execFile)
const bin = fileURLToPath(new URL('../bin/ai-engineer-content.js', import.meta.url))

/** The bin under `build --watch`, and what it printed so far. */
interface Watching {
  child: ChildProcess
  /** Wait for the `count`th line of stderr that matches `pattern`; the lines printed since the last wait. */
  next: (pattern: RegExp) => Promise<string>
  exited: Promise<number | null>
}

function watchBuild(dir: string, ...args: string[]): Watching {
  const child = spawn(
    process.execPath,
    [bin, 'build', 'mkdocs.yml', '--out', 'out', '--watch', ...args],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let text = ''
  let read = 0
  let failure: Error | undefined
  const waiters: (() => void)[] = []
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    text += chunk
    for (const wake of waiters.splice(0)) wake()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const next = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const rest = text.slice(read)
      const match = pattern.exec(rest)
      if (match) {
        const end = rest.indexOf('\n', match.index)
        const since = rest.slice(0, end === -1 ? rest.length : end + 1)
        read += since.length
        return since
      }
      if (child.exitCode !== null) throw new Error(`the bin exited (${child.exitCode}):\n${text}`)
      // A guard, not a measure: a line that never comes fails with what the bin printed.
      const guard = setTimeout(() => {
        failure = new Error(`no line matched ${pattern} in 30 s; the bin printed:\n${text}`)
        for (const wake of waiters.splice(0)) wake()
      }, 30_000)
      await new Promise<void>((wake) => waiters.push(wake))
      clearTimeout(guard)
      if (failure) throw failure
    }
  }
  return { child, next, exited }
}

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'content-watch-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('ai-engineer-content build --watch', () => {
  // No cache folder: a page not parsed again came from the pages the process holds. With
  // one, each page module's key is kept from one build to the next as well.
  test.each([
    ['in memory', ['--no-cache']],
    ['with a cache folder', ['--cache-dir', '.cache']],
  ])(
    'should build again on each change (%s), keep the last good output on errors, and end as a build from nothing',
    async (name, cacheArgs) => {
      const guide = join(dir, name.replace(/ /g, '-'))
      await mkdir(join(guide, 'docs'), { recursive: true })
      await writeFile(join(guide, 'mkdocs.yml'), 'site_name: Watched\nnav:\n  - a.md\n  - b.md\n')
      await writeFile(
        join(guide, 'docs/a.md'),
        '# A\n\nAlpha, [to b](b.md#bee).\n\n![A chart](chart.svg)\n',
      )
      const svg = (width: number): string =>
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20"></svg>\n`
      await writeFile(join(guide, 'docs/chart.svg'), svg(10))
      await writeFile(join(guide, 'docs/b.md'), '# B\n\n## Bee\n\nBeta.\n')
      const page = (id: string): string =>
        readFileSync(join(guide, 'out/pages', `${id}.js`), 'utf8')
      const watching = watchBuild(guide, ...cacheArgs)
      try {
        expect(await watching.next(/^ai-engineer-content: built /m)).toContain(
          '2 parsed, 0 from the cache',
        )
        await watching.next(/^ai-engineer-content: watching .*mkdocs\.yml/m)

        await writeFile(
          join(guide, 'docs/a.md'),
          '# A\n\nAlpha, edited, [to b](b.md#bee).\n\n![A chart](chart.svg)\n',
        )
        expect(await watching.next(/^ai-engineer-content: built /m)).toContain(
          '1 file written; 1 parsed, 1 from the cache',
        )
        expect(page('a')).toContain('Alpha, edited,')

        // An image saved again: measured again, and written under the hash of its new bytes.
        const chart = (): string => /assets\/chart\.[0-9a-f]{8}\.svg/.exec(page('a'))![0]
        const before = chart()
        await writeFile(join(guide, 'docs/chart.svg'), svg(30))
        expect(await watching.next(/^ai-engineer-content: built /m)).toContain(
          '0 parsed, 2 from the cache',
        )
        expect(chart()).not.toBe(before)
        expect(readFileSync(join(guide, 'out', chart()), 'utf8')).toBe(svg(30))
        expect(page('a')).toMatch(/\\"hProperties\\":\{\\"width\\":30,/)

        // A bad byte is an error at its line and column: the output stays as it was.
        await writeFile(join(guide, 'docs/b.md'), bytes('# B\n\n## Bee\n\nBeta caf', [0xe9], '.\n'))
        const failed = await watching.next(
          /^ai-engineer-content: the guide has errors; out is unchanged/m,
        )
        expect(failed).toMatch(/docs\/b\.md\n\s*5:9 error Invalid UTF-8/)
        expect(page('b')).toContain('Beta.')

        await writeFile(join(guide, 'docs/b.md'), '# B\n\n## Bee\n\nBeta, mended.\n')
        expect(await watching.next(/^ai-engineer-content: built /m)).toContain(
          '1 parsed, 1 from the cache',
        )
        expect(page('b')).toContain('Beta, mended.')

        // A new page, then the nav that lists it.
        await writeFile(join(guide, 'docs/c.md'), '# C\n\nGamma.\n')
        expect(await watching.next(/^ai-engineer-content: built 3 pages/m)).toContain(
          '1 parsed, 2 from the cache',
        )
        await writeFile(
          join(guide, 'mkdocs.yml'),
          'site_name: Watched\nnav:\n  - c.md\n  - a.md\n  - b.md\n',
        )
        expect(await watching.next(/^ai-engineer-content: built 3 pages/m)).toContain(
          '0 parsed, 3 from the cache',
        )
        const index = JSON.parse(readFileSync(join(guide, 'out/index.json'), 'utf8')) as {
          nav: { page: string }[]
        }
        expect(index.nav.map((item) => item.page)).toEqual(['c', 'a', 'b'])

        // A renamed heading (a section id other pages link to): after all of the above, the
        // output is the same, file for file, as a build of the guide from nothing.
        await writeFile(join(guide, 'docs/b.md'), '# B\n\n## Bees\n\nBeta, mended.\n')
        expect(await watching.next(/^ai-engineer-content: built 3 pages/m)).toContain(
          '1 parsed, 2 from the cache',
        )
        await execFileAsync(
          process.execPath,
          [bin, 'build', 'mkdocs.yml', '--out', 'fresh', '--no-cache'],
          {
            cwd: guide,
          },
        )
        const files = (folder: string): Record<string, string> =>
          Object.fromEntries(
            readdirSync(join(guide, folder), { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile() && entry.name !== '.ai-engineer-content.json')
              .map((entry) => {
                const path = join(entry.parentPath, entry.name)
                return [relative(join(guide, folder), path), readFileSync(path, 'utf8')]
              }),
          )
        const watched = files('out')
        expect(Object.keys(watched).length).toBe(13)
        expect(watched).toEqual(files('fresh'))

        // The config moves the pages' folder: that one is watched from then on.
        await mkdir(join(guide, 'pages'))
        await writeFile(join(guide, 'pages/d.md'), '# D\n\nDelta.\n')
        await writeFile(join(guide, 'mkdocs.yml'), 'site_name: Watched\ndocs_dir: pages\n')
        expect(await watching.next(/^ai-engineer-content: built 1 page /m)).toContain('1 parsed')
        await writeFile(join(guide, 'pages/d.md'), '# D\n\nDelta, edited.\n')
        await watching.next(/^ai-engineer-content: built 1 page /m)
        expect(page('d')).toContain('Delta, edited.')
      } finally {
        watching.child.kill('SIGTERM')
      }
      expect(await watching.exited).toBe(0)
    },
  )

  test('should be an option of build only', async () => {
    const child = spawn(process.execPath, [bin, 'check', 'a.md', '--watch'], { cwd: dir })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2)
    expect(stderr).toContain('--watch is an option of build')
  })
})
