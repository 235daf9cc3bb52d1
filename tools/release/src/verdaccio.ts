/**
 * A throwaway npm registry for the publish round trip: Verdaccio 6.8.0 (the last that
 * runs on Node 20), installed once outside the workspace and started on a free
 * 127.0.0.1 port with its storage in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, openSync, closeSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stringify as toYaml } from 'yaml'
import { runOk } from './exec.ts'

/**
 * `package.json` (verdaccio 6.8.0, with `"overrides": { "node-fetch": "2.7.0" }`: without it
 * 6.8.0 does not install, CONTRIBUTING.md, "Toolchain") and the `package-lock.json` it was
 * installed from, so every machine runs the same 328 packages.
 */
const runnerDir = fileURLToPath(new URL('../verdaccio/', import.meta.url))

export type Log = (message: string) => void

/**
 * Where Verdaccio is installed: `${XDG_CACHE_HOME:-~/.cache}/ai-engineer/verdaccio-<lock hash>`,
 * outside the workspace (its dependencies must not meet ours) and reused across runs.
 */
export async function verdaccioHome(): Promise<string> {
  const lock = await readFile(path.join(runnerDir, 'package-lock.json'))
  const hash = createHash('sha256').update(lock).digest('hex').slice(0, 12)
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache')
  return path.join(cache, 'ai-engineer', `verdaccio-6.8.0-${hash}`)
}

/** Install Verdaccio unless a complete install is already there; returns its bin script. */
export async function ensureVerdaccio(log: Log): Promise<string> {
  const home = await verdaccioHome()
  const bin = path.join(home, 'node_modules', 'verdaccio', 'bin', 'verdaccio')
  if (existsSync(path.join(home, '.complete')) && existsSync(bin)) {
    log(`verdaccio: reusing ${home}`)
    return bin
  }
  log(`verdaccio: installing 6.8.0 into ${home} (npm ci, once per machine)`)
  await mkdir(path.dirname(home), { recursive: true })
  // Install beside the final folder and rename: a half-done install is never reused,
  // and two runs at once do not install into the same folder.
  const staging = await mkdtemp(`${home}.staging-`)
  try {
    await cp(path.join(runnerDir, 'package.json'), path.join(staging, 'package.json'))
    await cp(path.join(runnerDir, 'package-lock.json'), path.join(staging, 'package-lock.json'))
    const { ms } = await runOk(
      'npm',
      ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: staging, timeout: 600_000 },
    )
    await writeFile(path.join(staging, '.complete'), `${new Date().toISOString()}\n`)
    await rm(home, { recursive: true, force: true })
    await rename(staging, home)
    log(`verdaccio: installed in ${(ms / 1000).toFixed(1)}s`)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return bin
}

/** A port that was free on 127.0.0.1 a moment ago (CONTRIBUTING.md, "Toolchain": pick it first). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('no port'))
      })
    })
  })
}

export interface Registry {
  /** `http://127.0.0.1:PORT/` */
  url: string
  port: number
  /** The Verdaccio process's own PID. */
  pid: number
  /** Where it stores packages. */
  storage: string
  /** Stop the server by its PID; resolves when it has exited. */
  stop(): Promise<void>
}

/**
 * The registry's config: our scope is served from local storage only (no uplink, so a
 * name on the public registry can never stand in for ours), and nothing else is served at
 * all: consumers fetch every other package from their usual registry.
 */
function config(storage: string): string {
  return toYaml({
    storage,
    auth: { htpasswd: { file: path.join(storage, '..', 'htpasswd'), max_users: -1 } },
    web: { enable: false },
    uplinks: {},
    packages: {
      '@ai-engineer/*': { access: '$all', publish: '$all', unpublish: '$all' },
      '**': { access: '$all', publish: '$all' },
    },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
    max_body_size: '50mb',
  })
}

async function waitUntilUp(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const output = await readFile(logFile, 'utf8').catch(() => '')
      throw new Error(`verdaccio exited (${child.exitCode ?? child.signalCode}):\n${output}`)
    }
    try {
      const response = await fetch(new URL('-/ping', url))
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`verdaccio did not answer on ${url} within 30 s`)
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
}

/** Start Verdaccio on a free 127.0.0.1 port, storage under `dir`. */
export async function startRegistry(bin: string, dir: string, log: Log): Promise<Registry> {
  const storage = path.join(dir, 'storage')
  await mkdir(storage, { recursive: true })
  const configFile = path.join(dir, 'config.yaml')
  await writeFile(configFile, config(storage))
  const logFile = path.join(dir, 'verdaccio.log')

  // The port may be taken between picking and binding: then Verdaccio exits, try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}/`
    const out = openSync(logFile, 'a')
    // node runs the bin script directly (no shell), so child.pid is the server's own PID.
    const child = spawn(
      process.execPath,
      [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
      {
        cwd: dir,
        stdio: ['ignore', out, out],
      },
    )
    closeSync(out)
    const stop = stopper(child)
    try {
      await waitUntilUp(url, child, logFile)
    } catch (error) {
      await stop()
      if (attempt < 3) {
        log(`verdaccio: port ${port} failed, trying another (${String(error).split('\n')[0]})`)
        continue
      }
      throw error
    }
    if (child.pid === undefined) throw new Error('verdaccio has no PID')
    log(`verdaccio: listening on ${url} (PID ${child.pid}, storage ${storage})`)
    return { url, port, pid: child.pid, storage, stop }
  }
}
