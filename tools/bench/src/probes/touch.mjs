// What every import probe shares: a clock, a walk of the trees it got, and one JSON line.
// Nothing here may add to a probe's start-up: no `performance` global (its first use loads
// `perf_hooks`) and no `process.stdout` (its first use builds a stream), only `node:fs`,
// which Node has loaded before any probe runs.
import { writeSync } from 'node:fs'

/** Milliseconds since this process started, on Node's own clock. */
export function now() {
  return process.uptime() * 1000
}

/** Count every node of `trees`, visiting each one, so nothing stays lazily unread. */
export function countNodes(trees) {
  let count = 0
  const stack = [...trees]
  while (stack.length > 0) {
    const node = stack.pop()
    count++
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return count
}

/** Count every value of `data` (objects, arrays and what they hold), reading each one. */
export function countValues(data) {
  let count = 0
  const stack = [data]
  while (stack.length > 0) {
    const value = stack.pop()
    count++
    if (value !== null && typeof value === 'object') stack.push(...Object.values(value))
  }
  return count
}

/**
 * The probe's result, as the last line of stdout, with the time from the process's start
 * to now (the guide in hand) and the CPU time of the whole process so far (user + system,
 * every thread, start-up included).
 */
export function report(result) {
  const { user, system } = process.cpuUsage()
  const line = JSON.stringify({ ...result, sinceStartMs: now(), cpuMs: (user + system) / 1000 })
  writeSync(1, `${line}\n`)
}
