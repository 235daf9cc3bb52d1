/** Child processes and static servers, each stopped by its own PID. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  serveStatic as serveDeck,
  startProcess,
  type RunningProcess,
  type StaticServer,
} from '@ai-engineer/test-utils'

export type { RunningProcess, StaticServer }
export { cleanEnv } from '@ai-engineer/test-utils'

/** Every child still running, so that an interrupted run can stop them by their PIDs. */
const running = new Set<ChildProcess>()

function track(child: ChildProcess): void {
  running.add(child)
  child.once('exit', () => running.delete(child))
}

/** Temp folders in use, removed by {@link stopChildren} too. */
const folders = new Set<string>()

/** A fresh temp folder, `<tmpdir>/bench-<name>-XXXXXX`; an interrupted run removes it too. */
export async function makeTempDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `bench-${name}-`))
  folders.add(dir)
  return dir
}

/** Remove a folder from {@link makeTempDir}. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  folders.delete(dir)
}

/** Synchronous undo steps (restore an edited file) that an interrupted run takes first. */
const undos = new Set<() => void>()

/**
 * Register `undo` for an interrupted run ({@link stopChildren} calls it); the returned
 * function unregisters it once the benchmark has undone its work itself.
 */
export function onInterrupt(undo: () => void): () => void {
  undos.add(undo)
  return () => undos.delete(undo)
}

/** Long-running servers (`slidev` dev) in a process group of their own. */
const groups = new Set<RunningProcess>()

/**
 * Start a long-running server (`startProcess` of `@ai-engineer/test-utils`: its own
 * process group, stopped by PID), tracked so an interrupted run stops it too.
 */
export function startServer(
  command: string,
  args: readonly string[],
  options: Parameters<typeof startProcess>[2] = {},
): RunningProcess {
  const child = startProcess(command, args, options)
  groups.add(child)
  void child.exited.then(() => groups.delete(child))
  return child
}

/**
 * An interrupted run: take the registered undo steps, stop every child this
 * process started that is still running (SIGTERM, by PID), and remove the temp folders.
 */
export function stopChildren(): void {
  for (const undo of undos) {
    try {
      undo()
    } catch (error) {
      process.stderr.write(`undo failed: ${String(error)}\n`)
    }
  }
  for (const group of groups) {
    try {
      process.kill(-group.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  for (const server of servers) process.kill(server.pid, 'SIGTERM')
  for (const child of running) {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM')
  }
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
}

/** The output of a finished child process. */
export interface Finished {
  code: number | null
  stdout: string
  stderr: string
  /** Wall time from spawn to exit, in ms. */
  ms: number
}

/**
 * Run `command` to its end. Rejects when it exits non-zero, with its output.
 * `onStderr` sees stderr as it comes (progress lines).
 */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { onStderr?: (text: string) => void; allowFailure?: boolean } = {},
): Promise<Finished> {
  const { onStderr, allowFailure, ...spawnOptions } = options
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] })
    track(child)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      stderr += text
      onStderr?.(text)
    })
    child.once('error', reject)
    child.once('close', (code) => {
      const finished = { code, stdout, stderr, ms: performance.now() - started }
      if (code === 0 || allowFailure) resolve(finished)
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`,
          ),
        )
    })
  })
}

/** Static servers in use, stopped by {@link stopChildren} too. */
const servers = new Set<StaticServer>()

/**
 * Serve `dir` the way the talk's own e2e test serves its build (`sirv --single` on a
 * free 127.0.0.1 port, stopped by PID; `fallback: false` for a multi-page site, whose
 * unknown paths are 404s), tracked so an interrupted run stops it.
 */
export async function serveStatic(
  dir: string,
  fallback: string | false = 'index.html',
): Promise<StaticServer> {
  const server = await serveDeck(dir, fallback)
  servers.add(server)
  return {
    ...server,
    stop: async () => {
      servers.delete(server)
      await server.stop()
    },
  }
}
