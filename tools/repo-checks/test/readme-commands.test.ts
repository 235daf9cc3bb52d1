/**
 * Every checker command the READMEs show, run verbatim in a fresh clone of the
 * workspace: the root's `pnpm check:guide …`, and the content README's
 * `npx ai-engineer-content …` in a project that has the package installed.
 */
import { execFile, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const exec = promisify(execFile)

/** The shell commands of a README's `sh` and `console` blocks that start with `prefix`. */
async function commands(readme: string, prefix: string): Promise<string[]> {
  const text = await readFile(join(root, readme), 'utf8')
  const found: string[] = []
  for (const block of text.matchAll(/```(?:sh|console)\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      const command = line.replace(/^\$ /, '').trim()
      if (command.startsWith(prefix)) found.push(command)
    }
  }
  return found
}

interface Result {
  code: number
  output: string
}

/** The environment a command runs in, as a user's would. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' }
  // Not the enclosing turbo or pnpm run's own variables: the command runs as a user's would.
  for (const key of Object.keys(env)) {
    if (/^(TURBO_(?!TELEMETRY)|npm_|PNPM_|INIT_CWD$|VITEST)/.test(key)) delete env[key]
  }
  return env
}

async function sh(command: string, cwd: string): Promise<Result> {
  try {
    const { stdout, stderr } = await exec('sh', ['-c', command], {
      cwd,
      env: userEnv(),
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

let dir: string
let clone: string
let consumer: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'readme-commands-'))
  clone = join(dir, 'workspace')
  await exec('git', ['clone', '--quiet', root, clone])
  const install = await sh(
    'pnpm install --frozen-lockfile --prefer-offline --reporter=silent',
    clone,
  )
  expect(install.code, install.output).toBe(0)

  // A project outside the workspace with the package installed and a guide of two pages.
  consumer = join(dir, 'consumer')
  await mkdir(join(consumer, 'node_modules', '@ai-engineer'), { recursive: true })
  await mkdir(join(consumer, 'node_modules', '.bin'), { recursive: true })
  await mkdir(join(consumer, 'docs'))
  await writeFile(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`,
  )
  const pkg = join(clone, 'packages/content')
  await symlink(pkg, join(consumer, 'node_modules/@ai-engineer/content'))
  await symlink(
    join(pkg, 'bin/ai-engineer-content.js'),
    join(consumer, 'node_modules/.bin/ai-engineer-content'),
  )
  await cp(join(pkg, 'guide/intro.md'), join(consumer, 'docs/intro.md'))
  await writeFile(
    join(consumer, 'docs/setup.md'),
    '# Setup\n\nInstall the package, then read [the guide](intro.md#opening).\n',
  )
  await writeFile(
    join(consumer, 'mkdocs.yml'),
    'site_name: A guide\nnav:\n  - Intro: intro.md\n  - Setup: setup.md\n',
  )
}, 900_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the checker commands of the READMEs', () => {
  it('should run each `pnpm check:guide` of the root README in a fresh clone', async () => {
    const shown = await commands('README.md', 'pnpm check:guide')
    expect(shown).toEqual(['pnpm check:guide', 'pnpm check:guide packages/content/guide/intro.md'])
    for (const command of shown) {
      const { code, output } = await sh(command, clone)
      expect(code, `${command}\n${output}`).toBe(0)
      expect(output, command).toContain('packages/content/guide/intro.md: no issues found')
    }
    // The first command builds the content package in the fresh clone, as it does after a
    // user's `pnpm install`: a cold build, beside the other tasks of `pnpm test`.
  }, 600_000)

  it('should fail `pnpm check:guide` on a page with an error, at its line and column', async () => {
    const broken = join(clone, 'broken.md')
    // `<b>` has a markdown equivalent and becomes strong; `<span>` has none.
    await writeFile(broken, '# A page\n\nSome <span>red</span> text.\n')
    const { code, output } = await sh('pnpm check:guide broken.md', clone)
    expect(code, output).toBe(1)
    expect(output).toMatch(/3:6-3:12 +error +Raw HTML `<span>`/)
  })

  it('should run each `npx ai-engineer-content` of the content README in a project', async () => {
    const shown = await commands('packages/content/README.md', 'npx ai-engineer-content')
    expect(shown.length).toBeGreaterThanOrEqual(3)
    for (const command of shown) {
      if (/ (--watch|-w)( |$)/.test(command)) {
        await runWatching(command)
        continue
      }
      const { code, output } = await sh(command, consumer)
      expect(code, `${command}\n${output}`).toBe(0)
      // The report lists files without messages in its default format, unless --quiet.
      if (command.includes(' check ') && !/--quiet|--format/.test(command)) {
        expect(output, command).toContain('docs/intro.md: no issues found')
      }
      if (command.endsWith('--help')) expect(output).toContain('check')
    }
  })
})

/**
 * A command that stays (`build --watch`), as a user runs it: started in the project, a
 * page saved once it says it is watching, the build of that save waited for, then Ctrl+C
 * (SIGINT to its process group, by PID).
 */
async function runWatching(command: string): Promise<void> {
  const child = spawn('sh', ['-c', command], {
    cwd: consumer,
    env: userEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let wake = (): void => undefined
  const read = (chunk: Buffer): void => {
    output += chunk.toString()
    wake()
  }
  child.stdout.on('data', read)
  child.stderr.on('data', read)
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (code, signal) => resolve([code, signal])),
  )
  /** Wait until `pattern` matches what it printed; a guard fails the test with the output. */
  const until = async (pattern: RegExp): Promise<void> => {
    const guard = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 120_000)
    while (!pattern.test(output) && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => (wake = resolve))
    }
    clearTimeout(guard)
    expect(output, command).toMatch(pattern)
  }
  try {
    await until(/^ai-engineer-content: watching /m)
    await writeFile(
      join(consumer, 'docs/setup.md'),
      '# Setup\n\nInstall the package, then read [the guide](intro.md#opening) again.\n',
    )
    await until(/^ai-engineer-content: built 2 pages .*1 parsed, 1 from the cache$/m)
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT')
  }
  // npx, like a shell, ends by the signal once the bin has exited on it.
  const [code, signal] = await exited
  expect(code === 0 || signal === 'SIGINT', `${command}: ${code ?? signal}\n${output}`).toBe(true)
  expect(output, command).not.toMatch(/Error|error/)
}
