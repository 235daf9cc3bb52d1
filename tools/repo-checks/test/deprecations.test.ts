import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { deprecationsInLogs, findDeprecations, turboLogs } from '../src/deprecations.ts'

const root = fileURLToPath(new URL('../../..', import.meta.url))

describe('findDeprecations', () => {
  it('should report each kind of notice our tools print, with its line', () => {
    const log = [
      '@ai-engineer/content:build: ℹ Build start',
      '(node:4242) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.',
      '\u001b[33m WARN \u001b[39m Node.js v20.20.2 is deprecated. Support will be removed in the next minor release.',
      'WARNING  the signature key is too short: it will become fatal in a future release',
      '[vite] `build.rollupOptions` is deprecated, use `build.rolldownOptions`',
      'The top-level `vue` option is deprecated. Use `tsc.vue` instead.',
      '✓ built in 3.23s',
    ].join('\n')
    expect(findDeprecations(log, 'x.log').map(({ line, file }) => `${file}:${line}`)).toEqual([
      'x.log:2',
      'x.log:3',
      'x.log:4',
      'x.log:5',
      'x.log:6',
    ])
    expect(findDeprecations(log)[1]?.text).toBe(
      'WARN  Node.js v20.20.2 is deprecated. Support will be removed in the next minor release.',
    )
  })

  it('should pass a log with no notice in it', () => {
    const log = 'Tasks: 3 successful, 3 total\nCached: 3 cached\nthe deprecation policy page\n'
    expect(findDeprecations(log)).toEqual([])
  })
})

describe('deprecationsInLogs', () => {
  it('should find a notice planted in one task log of a workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'repo-checks-'))
    try {
      for (const pkg of ['packages/a', 'apps/b']) {
        await mkdir(join(dir, pkg, '.turbo'), { recursive: true })
        await writeFile(join(dir, pkg, '.turbo', 'turbo-build.log'), 'a clean build\n')
      }
      await writeFile(
        join(dir, 'apps/b/.turbo/turbo-test.log'),
        'ok\n(node:1) [DEP0190] DeprecationWarning: Passing args to a child process\n',
      )
      expect(await turboLogs(dir)).toHaveLength(3)
      expect(await deprecationsInLogs(dir)).toEqual([
        {
          file: 'apps/b/.turbo/turbo-test.log',
          line: 2,
          text: '(node:1) [DEP0190] DeprecationWarning: Passing args to a child process',
        },
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should find none in the logs of the workspace build', async () => {
    const builds = (await turboLogs(root)).filter((log) => log.endsWith('turbo-build.log'))
    // The builds this package depends on have run (turbo `^build`) and kept their logs.
    for (const pkg of ['packages/content', 'packages/components', 'apps/talk']) {
      expect(builds).toContain(join(root, pkg, '.turbo', 'turbo-build.log'))
    }
    const found = (await deprecationsInLogs(root)).filter((entry) =>
      entry.file.endsWith('turbo-build.log'),
    )
    expect(found).toEqual([])
  })
})
