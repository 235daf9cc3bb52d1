/**
 * 5. Builds, in a throwaway copy of the repository (never the real one): a cold
 * `turbo run build`, the same again warm (every build task must be restored from the
 * cache), then an edit of the guide's markdown and which tasks ran (content's
 * build and its dependents' only). Read from turbo's `--summarize` JSON.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { makeTempDir, removeTempDir, run } from './processes.ts'
import { assertSane, ms, ratio, type BenchOptions, type Result } from './report.ts'

const execFileAsync = promisify(execFile)
/** The repository this package lives in. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const guideFile = 'packages/content/guide/intro.md'

/** What a `--summarize` run says about one task. */
interface TaskSummary {
  taskId: string
  task: string
  cache: { status: 'HIT' | 'MISS' | string }
  dependents?: string[]
  command?: string
}

interface RunSummary {
  execution: { attempted: number; cached: number; failed: number; success: number }
  tasks: TaskSummary[]
}

interface Build {
  ms: number
  summary: RunSummary
  /** Tasks with a command (a package without a `build` script has none). */
  tasks: string[]
  /** Those that ran: not restored from the cache. */
  ran: string[]
}

export async function builds({ quick, log }: BenchOptions): Promise<Result> {
  const work = await makeTempDir('builds')
  const copy = join(work, 'repo')
  try {
    log(`builds: copying the repository to ${copy}`)
    const files = await snapshot(copy)
    log(`builds: ${files} files copied; pnpm install --frozen-lockfile --prefer-offline`)
    const install = await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
      cwd: copy,
      env: turboEnv(),
    })
    log(`builds: installed in ${ms(install.ms)}`)

    // Quick mode builds the content package alone: each step runs and is read, at the
    // least cost (the CI machine builds everything once already, for the other suites).
    const filter = quick ? ['--filter=@ai-engineer/content'] : []
    const build = async (label: string): Promise<Build> => {
      log(`builds: ${label} turbo run build ${filter.join(' ')}`.trimEnd())
      const before = new Set(await runSummaries(copy))
      const finished = await run(
        join(copy, 'node_modules/.bin/turbo'),
        ['run', 'build', ...filter, '--summarize', '--cache=local:rw', '--output-logs=errors-only'],
        { cwd: copy, env: turboEnv() },
      )
      const fresh = (await runSummaries(copy)).filter((file) => !before.has(file))
      if (fresh.length !== 1)
        throw new Error(`builds: expected one new run summary, found ${fresh.length}`)
      const summary = JSON.parse(await readFile(fresh[0]!, 'utf8')) as RunSummary
      // The build tasks. Each package's `clean` task (it empties the outputs before a build
      // or a restore, and is never cached) runs every time and is not counted.
      const real = summary.tasks.filter(
        (task) => task.task === 'build' && task.command !== '<NONEXISTENT>',
      )
      const ran = real
        .filter((task) => task.cache.status !== 'HIT')
        .map((task) => task.taskId)
        .sort()
      log(`builds: ${label} in ${ms(finished.ms)}, ran: ${ran.join(', ') || 'nothing'}`)
      return {
        ms: finished.ms,
        summary,
        tasks: real.map((task) => task.taskId),
        ran,
      }
    }

    const cold = await build('cold')
    const warm = await build('warm')
    const guide = join(copy, guideFile)
    const text = await readFile(guide, 'utf8')
    await writeFile(
      guide,
      text.replace(/let's get started\.\s*$/, "let's get started. Edited by the benchmark.\n"),
    )
    if ((await readFile(guide, 'utf8')) === text)
      throw new Error(`builds: could not edit ${guideFile}`)
    const edited = await build('after editing the guide,')

    // Content's build and every build that depends on it, by the task graph turbo reports.
    const graph = new Map(cold.summary.tasks.map((task) => [task.taskId, task]))
    const expected = new Set<string>()
    const visit = (id: string): void => {
      const task = graph.get(id)
      if (!task || expected.has(id)) return
      if (task.command !== '<NONEXISTENT>') expected.add(id)
      for (const dependent of task.dependents ?? []) visit(dependent)
    }
    visit('@ai-engineer/content#build')
    const expectedList = [...expected].sort()
    const others = cold.ran.filter((id) => !expected.has(id))
    assertSane('builds', { cold: cold.ms, warm: warm.ms, edited: edited.ms })
    if (cold.ran.length === 0) throw new Error('builds: the cold build ran nothing')

    const warmHit = warm.ran.length === 0 && warm.tasks.length === cold.tasks.length
    const cached = (build: Build): string =>
      `${build.tasks.length - build.ran.length}/${build.tasks.length} cached`
    const sameSet = JSON.stringify(edited.ran) === JSON.stringify(expectedList)
    return {
      name: 'Builds',
      rows: [
        {
          benchmark: 'builds: warm turbo run build / cold',
          ours: ms(warm.ms),
          baseline: ms(cold.ms),
          ratio: ratio(warm.ms / cold.ms),
          target: '—',
          pass: undefined,
        },
        {
          benchmark: 'builds: warm build, every build task restored',
          ours: cached(warm),
          baseline: `cold: ${cached(cold)}`,
          ratio: '—',
          target: 'all cached',
          pass: warmHit,
        },
        {
          benchmark: 'builds: guide edited, tasks that ran',
          ours: `${edited.ran.length}: ${edited.ran.map(short).join(', ')}`,
          baseline: `${cold.ran.length} in cold`,
          ratio: '—',
          target: 'content + dependents',
          pass: sameSet,
        },
        {
          benchmark: 'builds: guide edited / cold',
          ours: ms(edited.ms),
          baseline: ms(cold.ms),
          ratio: ratio(edited.ms / cold.ms),
          target: '—',
          pass: undefined,
        },
      ],
      details: [
        `In a copy of the working tree (tracked and untracked files that git does not ignore; \`git ls-files\`, read only), committed to a fresh git repository there so turbo hashes as in a clone. A \`git clone\` would build the last commit only, without uncommitted work. ${files} files; \`pnpm install --frozen-lockfile --prefer-offline\` ${ms(install.ms)}.`,
        `\`turbo run build ${filter.map((flag) => `${flag} `).join('')}--summarize --cache=local:rw\` (local cache only, starting empty; remote-cache variables removed from the environment). Cold ${ms(cold.ms)}: ran ${cold.ran.map(short).join(', ')}. Warm ${ms(warm.ms)}: ${cached(warm)} (turbo's summary: ${warm.summary.execution.cached} of ${warm.summary.execution.attempted} tasks attempted, each package's uncached \`clean\` among them).`,
        `After appending a sentence to \`${guideFile}\`: ${ms(edited.ms)}, ran ${edited.ran.map(short).join(', ') || 'nothing'}. Expected, from turbo's task graph (content's build and its dependents): ${expectedList.map(short).join(', ')}.${others.length > 0 ? ` Builds that do not depend on content, which must stay cached: ${others.map(short).join(', ')}.` : ' Every build task in the run depends on content, so nothing else could have stayed cached.'}`,
      ],
    }
  } finally {
    await removeTempDir(work)
  }
}

function short(taskId: string): string {
  return taskId.replace(/^@ai-engineer\//, '')
}

/** Turbo and pnpm for the copy: no remote cache, no telemetry. */
function turboEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  }
  for (const key of Object.keys(env)) {
    if (/^TURBO_(API|TOKEN|TEAM|TEAMID|REMOTE_|CACHE$|PREFLIGHT)/.test(key)) delete env[key]
  }
  // A turbo run inside a turbo task (`pnpm test`) must not take its parent's settings.
  for (const key of Object.keys(env)) {
    if (
      /^TURBO_(HASH|TASK|INVOCATION|IS_TUI|RUN_SUMMARY|DRY_RUN|FILTER|CI_VENDOR_ENV_KEY)/.test(key)
    )
      delete env[key]
  }
  return env
}

async function runSummaries(root: string): Promise<string[]> {
  const dir = join(root, '.turbo/runs')
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((name) => name.endsWith('.json')).map((name) => join(dir, name))
}

/** Copy the working tree's files (as git sees them) to `to`, and commit them there. */
async function snapshot(to: string): Promise<number> {
  const { stdout } = await execFileAsync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  )
  let copied = 0
  for (const file of stdout.split('\0').filter(Boolean)) {
    const from = join(repoRoot, file)
    // Deleted but still in the index, or a folder (a submodule): not part of the tree.
    const info = await stat(from).catch(() => undefined)
    if (!info?.isFile()) continue
    await mkdir(dirname(join(to, file)), { recursive: true })
    await copyFile(from, join(to, file))
    copied++
  }
  const git = (...args: string[]): Promise<unknown> =>
    execFileAsync(
      'git',
      [
        '-c',
        'user.name=bench',
        '-c',
        'user.email=bench@localhost',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      {
        cwd: to,
      },
    )
  await git('init', '-q')
  await git('add', '-A')
  await git('commit', '-q', '-m', 'snapshot for the build benchmark')
  return copied
}
