/** Child processes, free ports and a static server, each stopped by its own PID. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

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

/** A port that is free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, read back from sirv (it moves on when a port is taken). */
  origin: string
  pid: number
  stop(): Promise<void>
}

/**
 * Serve `dir` with `sirv --single` (slide URLs are client routes: TOOLCHAIN.md,
 * gotcha 9) on a free port, as `node sirv-cli/bin.js` so the PID is the server's.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const bin = join(dirname(require.resolve('sirv-cli/package.json')), 'bin.js')
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [bin, dir, '--single', '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  track(child)
  const pid = child.pid
  if (pid === undefined) throw new Error('sirv did not start')
  let output = ''
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sirv did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      // eslint-disable-next-line no-control-regex
      const match = output.replace(/\u001b\[[\d;]*m/g, '').match(/http:\/\/127\.0\.0\.1:(\d+)/)
      if (match) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${match[1]}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`sirv exited with ${code}:\n${output}`))
    })
  })
  return {
    origin,
    pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        process.kill(pid, 'SIGTERM')
      }),
  }
}

/**
 * The environment for measured child processes: ours, minus what would change
 * what they measure (`NODE_OPTIONS` loaders or flags; `NODE_EXTRA_CA_CERTS`,
 * which makes every Node start parse a certificate bundle they never use).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.NODE_OPTIONS
  delete env.NODE_EXTRA_CA_CERTS
  return env
}
