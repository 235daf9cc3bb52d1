#!/usr/bin/env node
// `pnpm test`: every check the project promises, as turbo tasks, in two steps.
//
// 1. `turbo run build`: every package, with nothing else competing for the cores.
// 2. Every other task (`typecheck`, `lint`, `test`, `e2e`, the Prettier check), with
//    `--only` (no task cleans or restores a build under another), on two lanes side by
//    side, one task at a time each: each lane takes the next of a queue of turbo runs
//    as soon as it is free. The queue holds the longest suites first, a run each, then
//    the other tasks in runs of a few, so the lane that is free first takes what is left
//    and neither waits long on the other at the end. Each suite keeps about a core busy
//    on its own, so two at a time fill both cores; more at once only made each one slower.
//
// Then `pnpm check:logs`. Exits non-zero when any step failed; the queue goes on to its
// end when a task fails.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tasks = ['typecheck', 'lint', 'test', 'e2e', '//#format:check']
/**
 * The longest suites, about the longest first (60–280 s each in fresh-clone runs on 2
 * cores), each a turbo run of its own at the head of the queue.
 */
const long = [
  '@ai-engineer/talk#e2e',
  '@ai-engineer/release-tests#e2e',
  '@ai-engineer/remote-cache-tests#e2e',
  '@ai-engineer/bench#test',
  '@ai-engineer/content#test',
  '@ai-engineer/content#e2e',
  '@ai-engineer/site#e2e',
  '@ai-engineer/components#e2e',
]
/** How many of the other tasks (each up to about a minute) go in one turbo run. */
const batch = 5
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
const queue = long.filter((id) => all.includes(id)).map((id) => [id])
const rest = all.filter((id) => !long.includes(id))
for (let start = 0; start < rest.length; start += batch)
  queue.push(rest.slice(start, start + batch))
const codes = []
/** A lane: the next run of the queue, until it is empty. */
async function lane() {
  for (let run = queue.shift(); run; run = queue.shift())
    codes.push(await turbo([...run, ...flags]))
}
await Promise.all([lane(), lane()])
const logs = spawnSync('pnpm', ['check:logs'], { cwd: root, env, stdio: 'inherit' })
process.exit(codes.every((code) => code === 0) && logs.status === 0 ? 0 : 1)
