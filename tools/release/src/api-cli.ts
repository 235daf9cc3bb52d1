/**
 * `pnpm api` (write), `pnpm api:check` (compare) and `pnpm api:guard` (semver guard).
 *
 *   node tools/release/src/api-cli.ts write|check [--root DIR]
 *   node tools/release/src/api-cli.ts guard [--base REF] [--root DIR]
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPackages } from '@manypkg/get-packages'
import { createTwoFilesPatch } from 'diff'
import { reportPath } from './api-diff.ts'
import { packageReport } from './api-report.ts'
import { runGuard } from './guard.ts'
import { repoRoot } from './workspace.ts'

export interface ReportState {
  name: string
  file: string
  expected: string
  committed: string | undefined
}

/** Each published package's report as built now, next to the committed one. */
export async function reportStates(root: string, only?: readonly string[]): Promise<ReportState[]> {
  const { packages } = await getPackages(root)
  const states: ReportState[] = []
  for (const pkg of packages) {
    if (pkg.packageJson.private) continue
    if (only && !only.includes(pkg.packageJson.name)) continue
    const file = path.join(path.relative(root, pkg.dir), reportPath(pkg.dir))
    const expected = await packageReport({ ...pkg.packageJson, dir: pkg.dir })
    const committed = existsSync(path.join(root, file))
      ? await readFile(path.join(root, file), 'utf8')
      : undefined
    states.push({ name: pkg.packageJson.name, file, expected, committed })
  }
  return states.sort((a, b) => a.name.localeCompare(b.name))
}

/** The difference between a committed report and the build, as a unified diff. */
export function reportDifference(state: ReportState): string {
  return createTwoFilesPatch(
    `${state.file} (committed)`,
    `${state.file} (built)`,
    state.committed ?? '',
    state.expected,
    undefined,
    undefined,
    { context: 2 },
  )
}

export async function writeReports(root: string, only?: readonly string[]): Promise<string[]> {
  const written: string[] = []
  for (const state of await reportStates(root, only)) {
    if (state.committed === state.expected) continue
    await mkdir(path.dirname(path.join(root, state.file)), { recursive: true })
    await writeFile(path.join(root, state.file), state.expected)
    written.push(state.file)
  }
  return written
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string' }, root: { type: 'string' } },
  })
  const root = path.resolve(values.root ?? repoRoot)
  const command = positionals[0]
  if (command === 'write') {
    const written = await writeReports(root)
    console.log(
      written.length ? `API reports written: ${written.join(', ')}` : 'API reports up to date',
    )
    return 0
  }
  if (command === 'check') {
    const stale = (await reportStates(root)).filter((state) => state.committed !== state.expected)
    for (const state of stale) {
      console.error(
        state.committed === undefined
          ? `${state.file}: missing`
          : `${state.file}: differs from the built API\n${reportDifference(state)}`,
      )
    }
    if (stale.length > 0) {
      console.error(
        'Run `pnpm api` and commit the reports (with a changeset: `pnpm api:guard` says which bump).',
      )
      return 1
    }
    console.log('API reports match the build')
    return 0
  }
  if (command === 'guard') {
    const result = await runGuard(root, values.base ? { base: values.base } : {})
    ;(result.ok ? console.log : console.error)(result.output)
    return result.ok ? 0 : 1
  }
  console.error('usage: api-cli.ts write|check|guard [--base REF] [--root DIR]')
  return 2
}

if (import.meta.main) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    },
  )
}
