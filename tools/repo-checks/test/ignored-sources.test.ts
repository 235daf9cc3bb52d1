import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** The files of the repository at `cwd` under a package's `src/` that `.gitignore` keeps out of git. */
function ignoredSources(cwd: string): string[] {
  return execFileSync(
    'git',
    [
      'ls-files',
      '--others',
      '--ignored',
      '--exclude-standard',
      '--',
      'packages/*/src/*',
      'apps/*/src/*',
      'tools/*/src/*',
    ],
    { cwd, encoding: 'utf8' },
  )
    .split('\n')
    .filter((file) => file !== '' && !/^packages\/[^/]+\/src\/generated\//.test(file))
}

describe('.gitignore', () => {
  it("should keep every package's source in git, but the code the build generates", () => {
    expect(ignoredSources(root)).toEqual([])
  })

  it('should catch a pattern that ignores a source file (the check really runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ignored-sources-'))
    try {
      execFileSync('git', ['init', '--quiet'], { cwd: dir })
      // `pages/` without a leading slash once matched `apps/site/src/pages/`.
      writeFileSync(join(dir, '.gitignore'), 'pages/\n')
      mkdirSync(join(dir, 'apps/site/src/pages'), { recursive: true })
      writeFileSync(join(dir, 'apps/site/src/pages/index.astro'), '')
      expect(ignoredSources(dir)).toEqual(['apps/site/src/pages/index.astro'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
