/**
 * `pnpm test:cold`: the end-to-end suites as a new machine runs them. Before each run it
 * deletes every cache and build output a fresh clone lacks (see {@link coldPaths}), then
 * runs `turbo run e2e` (which builds what the suites need first) and reads each suite's
 * test counts from the output.
 *
 *   pnpm test:cold                  # one run
 *   pnpm test:cold --runs 3         # three in a row
 *   pnpm test:cold --runs 3 --busy  # three, each with one CPU core kept busy
 *
 * `--busy` starts a process that spins on one core for the whole run and stops it after.
 * Each run's full output goes to `<tmp>/cold-run-<n>.log`. Exit code 1 when any run failed.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, stripVTControlCharacters } from 'node:util'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** The workspace's package folders. */
function packageDirs(): string[] {
  return ['apps', 'packages', 'tools'].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, group, entry.name)),
  )
}

/**
 * What a fresh clone on a new machine does not have: every file the repository's
 * `.gitignore` files ignore outside `node_modules` (build outputs, generated modules and
 * declarations, turbo's local cache and logs), and, inside it, Vite's and vitest's caches
 * (`node_modules/.vite`, the config bundles in `.vite-temp`), the shared stock deck
 * (`node_modules/.cache`), each package's `node_modules/.cache` (the content package's
 * parse cache), Slidev's generated modules (`node_modules/.slidev`) and the
 * cache Slidev keeps in its own package folder when it runs in its global mode.
 */
export function coldPaths(): string[] {
  const ignored = execFileSync(
    'git',
    // Only the repository's own .gitignore files: a developer's global excludes (an
    // editor's folder) are not the project's to delete.
    [
      'ls-files',
      '--others',
      '--ignored',
      '--exclude-per-directory=.gitignore',
      '--directory',
      '-z',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  const paths = ignoredOutsideNodeModules(ignored.split('\0')).map((path) => join(root, path))
  paths.push(join(root, 'node_modules/.vite'), join(root, 'node_modules/.cache'))
  for (const dir of packageDirs()) {
    // `.cache`: the content package's parse cache (`ai-engineer-content`) among others.
    for (const cache of ['.vite', '.vite-temp', '.slidev', '.cache']) {
      paths.push(join(dir, 'node_modules', cache))
    }
  }
  const store = join(root, 'node_modules/.pnpm')
  for (const name of readdirSync(store).filter((entry) => entry.startsWith('@slidev+cli@'))) {
    paths.push(join(store, name, 'node_modules/@slidev/cli/node_modules/.vite'))
  }
  return paths.filter((path) => existsSync(path))
}

/** Of git's ignored paths (relative, `/` after a folder), those not in a `node_modules`. */
export function ignoredOutsideNodeModules(paths: string[]): string[] {
  return paths.filter((path) => path !== '' && !path.split('/').includes('node_modules'))
}

interface SuiteCount {
  task: string
  passed: number
  failed: number
  skipped: number
}

/**
 * The `Tests …` line of each vitest run in turbo's output, by task (and by script, for a
 * task that runs several side by side: `@ai-engineer/talk:e2e: . e2e:dev: Tests …`).
 */
export function suiteCounts(output: string): SuiteCount[] {
  const counts: SuiteCount[] = []
  for (const line of stripVTControlCharacters(output).split('\n')) {
    const match = /^(\S+:e2e):\s+(?:\.\s+(\S+):\s+)?Tests\s+(.*)$/.exec(line.trim())
    if (!match) continue
    const number = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(match[3]!)?.[1] ?? 0)
    counts.push({
      task: match[2] ? `${match[1]} ${match[2]}` : match[1]!,
      passed: number('passed'),
      failed: number('failed'),
      skipped: number('skipped'),
    })
  }
  return counts
}

/** Run `command` in the repository, its output to `log` (and to our stdout when `echo`). */
function run(command: string, args: string[], log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    const take = (chunk: Buffer): void => {
      log.push(chunk.toString())
      process.stdout.write(chunk)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.once('error', reject)
    child.once('exit', (code) => resolve(code ?? 1))
  })
}

/** One core kept busy by a child process, until `stop()`. */
function busyCore(): { stop(): Promise<void> } {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
  return {
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      busy: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '3' },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a whole number, got ${values.runs}`)

  const logDir = await mkdtemp(join(tmpdir(), 'cold-run-'))
  const results: {
    run: number
    code: number
    seconds: number
    counts: SuiteCount[]
    log: string
  }[] = []
  for (let index = 1; index <= runs; index++) {
    const removed = coldPaths()
    await Promise.all(removed.map((path) => rm(path, { recursive: true, force: true })))
    console.log(
      `\n[cold run ${index}/${runs}] removed ${removed.length} caches and build outputs:` +
        `\n  ${removed.map((path) => relative(root, path)).join('\n  ')}` +
        (values.busy ? '\n[cold run] one core kept busy for the whole run' : ''),
    )
    const busy = values.busy ? busyCore() : undefined
    const started = performance.now()
    const output: string[] = []
    let code: number
    try {
      code = await run(
        'pnpm',
        [
          'exec',
          'turbo',
          'run',
          'e2e',
          `--concurrency=${values.concurrency}`,
          '--output-logs=full',
        ],
        output,
      )
    } finally {
      await busy?.stop()
    }
    const seconds = (performance.now() - started) / 1000
    const log = join(logDir, `cold-run-${index}.log`)
    await writeFile(log, output.join(''))
    results.push({ run: index, code, seconds, counts: suiteCounts(output.join('')), log })
  }

  console.log(`\n[cold run] ${runs} run(s)${values.busy ? ', one core busy' : ''}:`)
  for (const { run: index, code, seconds, counts, log } of results) {
    const failed = counts.reduce((sum, count) => sum + count.failed, 0)
    const passed = counts.reduce((sum, count) => sum + count.passed, 0)
    console.log(
      `  run ${index}: exit ${code} in ${seconds.toFixed(0)} s; ${passed} passed, ${failed} failed; log ${log}`,
    )
    for (const count of counts) {
      console.log(
        `    ${count.task.padEnd(42)} ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`,
      )
    }
  }
  process.exitCode = results.every((result) => result.code === 0) ? 0 : 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
