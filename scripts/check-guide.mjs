#!/usr/bin/env node
// `pnpm check:guide [files | dir | mkdocs.yml…]`: the content package's checker
// (`ai-engineer-content check`) over what is given, or over the package's own guide (its
// folder, checked as a whole guide) when nothing is.
// Builds the package first when it has not been built (a fresh clone), so it works right
// after `pnpm install`. Paths are relative to where pnpm was run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const guideDir = join(root, 'packages/content/guide')
const from = process.env.INIT_CWD || process.cwd()
const given = process.argv.slice(2)
const args =
  given.length > 0
    ? given.map((arg) => (arg.startsWith('-') ? arg : relative(root, resolve(from, arg))))
    : [relative(root, guideDir)]

if (!existsSync(join(root, 'packages/content/dist/cli.js'))) {
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@ai-engineer/content', '--output-logs=errors-only'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  )
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}check:guide: building the checker failed\n`)
    process.exit(build.status ?? 1)
  }
}
const bin = join(root, 'packages/content/bin/ai-engineer-content.js')
const check = spawnSync(process.execPath, [bin, 'check', ...args], { cwd: root, stdio: 'inherit' })
process.exit(check.status ?? 1)
