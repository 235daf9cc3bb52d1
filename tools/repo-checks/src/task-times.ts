/**
 * The tasks of the newest turbo run summary (`turbo run … --summarize`, as `pnpm test`
 * runs it), as a timeline: when each started and how long it took, longest first, so a
 * slow CI run shows where its time went. `.ci/run` prints it at the end.
 *
 *   node tools/repo-checks/src/task-times.ts [summary.json]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
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

/** One line a task that ran or was restored: start offset, duration, cache status. */
export function taskTimes(summary: Summary): string[] {
  const start = summary.execution.startTime
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
function newestSummary(): string {
  const dir = join(root, '.turbo/runs')
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name))
  if (files.length === 0) throw new Error(`no turbo run summary in ${dir}`)
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? newestSummary()
  const summary = JSON.parse(readFileSync(file, 'utf8')) as Summary
  const { command, startTime, endTime, exitCode } = summary.execution
  console.log(`\n=== ${command}: exit ${exitCode} in ${((endTime - startTime) / 1000).toFixed(0)}s`)
  console.log(taskTimes(summary).join('\n'))
}
