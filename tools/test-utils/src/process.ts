/** Long-running child processes (dev servers) that tests start and stop by their PID. */
import { spawn, type SpawnOptions } from 'node:child_process'

/** A started child: its PID, its output so far, and how to stop it. */
export interface RunningProcess {
  pid: number
  /** Everything it wrote to stdout and stderr, in order. */
  output(): string
  /** Resolves with its exit code (or signal name) when it exits. */
  exited: Promise<number | string | null>
  /** SIGTERM to its process group (by PID), SIGKILL after `graceMs`; resolves when it exited. */
  stop(graceMs?: number): Promise<void>
}

/** Process groups started here and not yet exited: stopped when this process exits. */
const groups = new Set<number>()
let stopsOnExit = false
function stopGroupsOnExit(): void {
  if (stopsOnExit) return
  stopsOnExit = true
  process.once('exit', () => {
    for (const pid of groups) {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
  })
}

/**
 * Start `command` in a process group of its own, so that {@link RunningProcess.stop}
 * also stops what it starts (a CLI that spawns a server). A group still running when
 * this process exits (a test file that failed before its `afterAll`) is killed then.
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio' | 'detached'> = {},
): RunningProcess {
  const child = spawn(command, args, {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  if (child.pid === undefined) throw new Error(`Could not start ${command}`)
  const pid = child.pid
  groups.add(pid)
  stopGroupsOnExit()
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  let done = false
  void exited.then(() => {
    done = true
    groups.delete(pid)
  })
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name)
    } catch {
      // Already gone.
    }
  }
  return {
    pid,
    output: () => output,
    exited,
    async stop(graceMs = 5000) {
      if (done) return
      signal('SIGTERM')
      const timer = setTimeout(() => signal('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
}

/**
 * Resolves when `url` answers with a status below 500, asked every `intervalMs`; rejects
 * after `timeoutMs`, or as soon as `process` exits, with its output.
 */
export async function waitForUrl(
  url: string,
  {
    timeoutMs = 120_000,
    intervalMs = 200,
    process: child,
  }: { timeoutMs?: number; intervalMs?: number; process?: RunningProcess } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  let exited = false
  void child?.exited.then(() => (exited = true))
  while (performance.now() < deadline) {
    if (exited) throw new Error(`The server exited before ${url} answered:\n${child?.output()}`)
    try {
      const response = await fetch(url)
      if (response.status < 500) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms\n${child?.output() ?? ''}`)
}
