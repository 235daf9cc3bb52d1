/** Child processes and static servers, each stopped by its own PID. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveStatic as serveDeck, type StaticServer } from '@ai-engineer/test-utils'

export type { StaticServer }
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

/**
 * An interrupted run: stop every child this process started that is still
 * running (SIGTERM, by PID), and remove the temp folders.
 */
export function stopChildren(): void {
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
 * free 127.0.0.1 port, stopped by PID), tracked so an interrupted run stops it.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server = await serveDeck(dir)
  servers.add(server)
  return {
    ...server,
    stop: async () => {
      servers.delete(server)
      await server.stop()
    },
  }
}
