#!/usr/bin/env node
// `pnpm test`: every check the project promises, as turbo tasks, in two steps.
//
// 1. `turbo run build`: every package, with nothing else competing for the cores.
// 2. Every other task (`typecheck`, `lint`, `test`, `e2e`, the Prettier check), with
//    `--only` (no task cleans or restores a build under another), in two turbo runs side
//    by side, one task at a time each: one for three of the longest suites and the
//    site's e2e, one for the rest (about as long, added up). Each suite keeps about a core busy on its own, so two at
//    a time fill both cores; more at once only made each one slower.
//
// Then `pnpm check:logs`. Exits non-zero when any step failed; each run goes on to its
// end when one of its tasks fails.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tasks = ['typecheck', 'lint', 'test', 'e2e', '//#format:check']
/**
 * The first run's suites: three of the longest (about 100–230 s each on their own) and
 * the site's e2e (about 55 s), so that the two runs take about as long. The remote
 * cache's e2e (about 120 s) goes in the other run.
 */
const first = [
  '@ai-engineer/talk#e2e',
  '@ai-engineer/release-tests#e2e',
  '@ai-engineer/bench#test',
  '@ai-engineer/site#e2e',
]
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' }

/** `pnpm exec turbo run …args`, its output on ours; resolves to its exit code. */
function turbo(args) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['exec', 'turbo', 'run', ...args], {
      cwd: root,
      env,
      stdio: 'inherit',
    })
    child.on('error', () => resolve(1))
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

/** The task ids of step 2 that have a script, from turbo's own plan of the run. */
function planned() {
  const dry = spawnSync('pnpm', ['exec', 'turbo', 'run', ...tasks, '--only', '--dry=json'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (dry.status !== 0) {
    process.stderr.write(`${dry.stdout}${dry.stderr}test: turbo could not plan the run\n`)
    process.exit(dry.status ?? 1)
  }
  const plan = JSON.parse(dry.stdout.slice(dry.stdout.indexOf('{')))
  return plan.tasks.filter((task) => task.command !== '<NONEXISTENT>').map((task) => task.taskId)
}

const flags = ['--only', '--concurrency=1', '--continue=dependencies-successful', '--summarize']

if ((await turbo(['build', '--summarize'])) !== 0) process.exit(1)
const all = planned()
const one = first.filter((id) => all.includes(id))
const rest = all.filter((id) => !one.includes(id))
const codes = await Promise.all([turbo([...one, ...flags]), turbo([...rest, ...flags])])
const logs = spawnSync('pnpm', ['check:logs'], { cwd: root, env, stdio: 'inherit' })
process.exit(codes.every((code) => code === 0) && logs.status === 0 ? 0 : 1)
