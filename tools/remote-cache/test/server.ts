/**
 * A self-hosted turborepo-remote-cache server for tests: installed outside the
 * workspace (once per machine), started on a free 127.0.0.1 port with local
 * disk storage, stopped by PID.
 */
import { freePort } from '@ai-engineer/test-utils'
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const serverVersion = '2.12.0'

const installDir = join(
  process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
  'ai-engineer',
  `turborepo-remote-cache-${serverVersion}`,
)
const cli = join(installDir, 'node_modules/turborepo-remote-cache/dist/cli.js')

/** Install the server with npm into a cache folder outside the repository (reused when there). */
export function installServer(log: (line: string) => void): string {
  if (existsSync(cli)) return cli
  log(`installing turborepo-remote-cache@${serverVersion} into ${installDir}`)
  mkdirSync(installDir, { recursive: true })
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({
      private: true,
      dependencies: { 'turborepo-remote-cache': serverVersion },
    }),
  )
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error'], {
    cwd: installDir,
    stdio: 'inherit',
  })
  return cli
}

export interface RunningServer {
  url: string
  pid: number
  storage: string
  logFile: string
  stop(): Promise<void>
}

/** Start the server; resolves once it answers its status route. */
export async function startServer(options: {
  storage: string
  token: string
  logFile: string
}): Promise<RunningServer> {
  const script = installServer(() => {})
  const port = await freePort()
  const out = openSync(options.logFile, 'a')
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      TURBO_TOKEN: options.token,
      STORAGE_PROVIDER: 'local',
      STORAGE_PATH: options.storage,
      STORAGE_PATH_USE_TMP_FOLDER: 'false',
      // Any value: it tells the server to keep turbo's signature tags with the artifacts.
      TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'keep-turbo-signature-tags-with-artifacts',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', out, out],
    detached: false,
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('could not start turborepo-remote-cache')
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      const response = await fetch(`${url}/v8/artifacts/status`, {
        headers: { authorization: `Bearer ${options.token}` },
      })
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null)
      throw new Error(`turborepo-remote-cache exited: see ${options.logFile}`)
    if (Date.now() > deadline) {
      process.kill(pid)
      throw new Error(`turborepo-remote-cache did not answer on ${url} within 30 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url,
    pid,
    storage: options.storage,
    logFile: options.logFile,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      process.kill(pid, 'SIGTERM')
      const timer = setTimeout(() => process.kill(pid, 'SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
