/**
 * The tasks of turbo run summaries (`turbo run … --summarize`, as `pnpm test` runs its two
 * runs), as a timeline: when each started and how long it took, longest first, so a slow
 * CI run shows where its time went. `.ci/run` prints it at the end.
 *
 *   node tools/repo-checks/src/task-times.ts [summary.json …]
 *   node tools/repo-checks/src/task-times.ts --since <epoch ms>   # every run started since
 *
 * With no argument, the newest summary. Times are from the start of the first run shown.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Summary {
  execution: { command: string; startTime: number; endTime: number; exitCode: number }
  tasks: {
    taskId: string
    command: string
    cache: { status: string }
    execution?: { startTime: number; endTime: number; exitCode: number | null }
  }[]
}

/**
 * One line a task that ran or was restored: start offset (from `start`, by default the
 * run's own), duration, cache status.
 */
export function taskTimes(summary: Summary, start = summary.execution.startTime): string[] {
  return summary.tasks
    .filter((task) => task.command !== '<NONEXISTENT>' && task.execution !== undefined)
    .map((task) => ({ task, ms: task.execution!.endTime - task.execution!.startTime }))
    .sort((a, b) => b.ms - a.ms)
    .map(({ task, ms }) => {
      const at = (task.execution!.startTime - start) / 1000
      const status = task.execution!.exitCode === 0 ? task.cache.status.toLowerCase() : 'FAILED'
      return `${(ms / 1000).toFixed(1).padStart(7)}s  from ${at.toFixed(0).padStart(4)}s  ${task.taskId} (${status})`
    })
}

const root = fileURLToPath(new URL('../../..', import.meta.url))

/** The run summaries turbo wrote, oldest first. */
function summaries(): Summary[] {
  const dir = join(root, '.turbo/runs')
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
  if (files.length === 0) throw new Error(`no turbo run summary in ${dir}`)
  return files
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Summary)
    .sort((a, b) => a.execution.startTime - b.execution.startTime)
}

function chosen(args: readonly string[]): Summary[] {
  if (args[0] === '--since') {
    const since = Number(args[1])
    if (!Number.isFinite(since)) throw new Error('--since needs a time in ms since the epoch')
    return summaries().filter((summary) => summary.execution.startTime >= since)
  }
  if (args.length > 0) return args.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Summary)
  return [summaries().at(-1)!]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runs = chosen(process.argv.slice(2))
  const start = Math.min(...runs.map((summary) => summary.execution.startTime))
  for (const summary of runs) {
    const { command, startTime, endTime, exitCode } = summary.execution
    const at = ((startTime - start) / 1000).toFixed(0)
    console.log(
      `\n=== ${command}: exit ${exitCode} in ${((endTime - startTime) / 1000).toFixed(0)}s, from ${at}s`,
    )
    console.log(taskTimes(summary, start).join('\n'))
  }
}
