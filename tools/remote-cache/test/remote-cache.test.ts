/**
 * Long on purpose: one scenario whose steps share a cache server and two clones, in order.
 *
 * turbo's remote cache, self-hosted and signed, end to end:
 *
 * 1. clone A builds against a fresh turborepo-remote-cache server: every
 *    artifact is uploaded, with its signature;
 * 2. clone B, with no local cache, builds against the same server: every task
 *    is a remote hit, and its outputs are byte-identical to A's;
 * 3. faults, each on B with its local cache emptied and the remote read-only:
 *    a wrong token, a wrong signing key, a tampered artifact, the server
 *    stopped. Each build still succeeds with the right output, in bounded
 *    time, and the log says what happened;
 * 4. a restore from the cache over another build's output (clone A, the deck built
 *    with `TALK_URL`, then without it, a cache hit) leaves exactly one build's files.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { cleanEnv } from '@ai-engineer/test-utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { installServer, startServer, type RunningServer } from './server.ts'

const run = promisify(execFile)
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'remote-cache-'))
const token = 'test-token'
const team = 'ai-engineer'
// turbo's `futureFlags.longerSignatureKey` makes a key under 32 bytes fatal.
const signingKey = 'a-signing-key-for-this-test-only-0123456789abcdef'
/** No turbo run here should take longer; a hang fails the test instead of the CI job. */
const buildTimeout = 240_000

const log = (line: string): void => {
  console.log(`[remote-cache] ${line}`)
}

let server: RunningServer
let cloneA: string
let cloneB: string
let outputsA: Map<string, string>

interface TaskCache {
  taskId: string
  task: string
  cache: { status: 'HIT' | 'MISS'; local: boolean; remote: boolean }
}

interface BuildResult {
  code: number
  output: string
  tasks: TaskCache[]
  seconds: number
}

/** turbo's own notices off, in every run the test starts. */
const runnerEnv = { TURBO_TELEMETRY_DISABLED: '1', TURBO_PRINT_VERSION_DISABLED: '1' }

function remoteEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    TURBO_API: server.url,
    TURBO_TEAM: team,
    TURBO_TOKEN: token,
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: signingKey,
    ...overrides,
  }
}

async function clone(name: string): Promise<string> {
  const dir = join(work, name)
  const started = Date.now()
  await run('git', ['clone', '--quiet', repoRoot, dir])
  await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=silent'], {
    cwd: dir,
    env: cleanEnv(runnerEnv, { dropRunner: true }),
    maxBuffer: 64 * 1024 * 1024,
  })
  log(`clone ${name}: cloned and installed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return dir
}

async function build(
  dir: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<BuildResult> {
  const runs = join(dir, '.turbo/runs')
  rmSync(runs, { recursive: true, force: true })
  const started = Date.now()
  const result = await run(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--summarize', '--output-logs=errors-only', ...args],
    {
      cwd: dir,
      env: cleanEnv({ ...runnerEnv, ...env }, { dropRunner: true }),
      timeout: buildTimeout,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string; killed?: boolean }) => ({
      code: error.killed ? -1 : (error.code ?? 1),
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  )
  const seconds = (Date.now() - started) / 1000
  const summaryFile = existsSync(runs)
    ? readdirSync(runs).find((name) => name.endsWith('.json'))
    : undefined
  // The build tasks: each package's `clean` runs before them, never cached.
  const tasks: TaskCache[] = summaryFile
    ? (
        JSON.parse(readFileSync(join(runs, summaryFile), 'utf8')) as { tasks: TaskCache[] }
      ).tasks.filter((task) => task.task === 'build')
    : []
  return { ...result, tasks, seconds }
}

function describeRun(result: BuildResult): string {
  const tasks = result.tasks
    .map((task) => `${task.taskId}=${task.cache.status}${task.cache.remote ? '(remote)' : ''}`)
    .join(', ')
  return `exit ${result.code} in ${result.seconds.toFixed(1)} s; ${tasks}`
}

/** The files every build task declares as outputs, hashed: path → sha256. */
function outputs(dir: string, only?: string): Map<string, string> {
  const roots = [
    'packages/content/dist',
    'packages/content/src/generated',
    'packages/components/dist',
    'apps/talk/dist',
  ].filter((path) => only === undefined || path.startsWith(only))
  const files = new Map<string, string>()
  const walk = (path: string): void => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name))
      return
    }
    files.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'))
  }
  for (const root of roots) walk(join(dir, root))
  return files
}

/** Forget everything clone B has locally for the content package. */
function resetContent(dir: string): void {
  for (const path of ['.turbo/cache', 'packages/content/dist', 'packages/content/src/generated']) {
    rmSync(join(dir, path), { recursive: true, force: true })
  }
}

const contentOnly = ['--filter=@ai-engineer/content', '--cache=local:rw,remote:r']

beforeAll(async () => {
  installServer(log)
  server = await startServer({
    storage: join(work, 'storage'),
    token,
    logFile: join(work, 'server.log'),
  })
  log(`server pid ${server.pid} on ${server.url}, storage ${server.storage}`)
  ;[cloneA, cloneB] = await Promise.all([clone('A'), clone('B')])
})

afterAll(async () => {
  await server?.stop()
  rmSync(work, { recursive: true, force: true })
})

describe('turbo remote cache (self-hosted, signed)', () => {
  test('should upload every build artifact from clone A', async () => {
    const result = await build(cloneA, remoteEnv())
    log(`clone A: ${describeRun(result)}`)
    expect(result.code, result.output).toBe(0)
    expect(result.tasks.map((task) => task.taskId).sort()).toEqual(buildTasks(cloneA))
    outputsA = outputs(cloneA)
    expect(outputsA.size).toBeGreaterThan(0)
    const stored = readdirSync(join(server.storage, team))
    const artifacts = stored.filter((name) => !name.endsWith('.tag'))
    const tags = stored.filter((name) => name.endsWith('.tag'))
    log(`server holds ${artifacts.length} artifacts, ${tags.length} signature tags`)
    expect(artifacts.length).toBe(result.tasks.length)
    expect(tags.length).toBe(artifacts.length)
  })

  test('should restore every task of a fresh clone B from the remote cache, byte for byte', async () => {
    expect(existsSync(join(cloneB, '.turbo/cache'))).toBe(false)
    const result = await build(cloneB, remoteEnv())
    log(`clone B: ${describeRun(result)}`)
    expect(result.code, result.output).toBe(0)
    expect(result.tasks.map((task) => [task.taskId, task.cache.status, task.cache.remote])).toEqual(
      result.tasks.map((task) => [task.taskId, 'HIT', true]),
    )
    expect(outputs(cloneB)).toEqual(outputsA)
  })

  test('should rebuild, not fail, with a wrong token, and say so', async () => {
    resetContent(cloneB)
    // Not read-only: turbo reports the failed upload, which is how it tells of the bad token.
    const result = await build(cloneB, remoteEnv({ TURBO_TOKEN: 'wrong-token' }), [
      '--filter=@ai-engineer/content',
    ])
    log(`wrong token: ${describeRun(result)}; turbo says: ${warning(result.output)}`)
    expect(result.code, result.output).toBe(0)
    expect(result.tasks[0]?.cache.status).toBe('MISS')
    expect(result.output).toMatch(/401 Unauthorized/)
    expect(outputs(cloneB, 'packages/content')).toEqual(outputs(cloneA, 'packages/content'))
  })

  test('should not trust an artifact signed with another key: rebuilt', async () => {
    resetContent(cloneB)
    const result = await build(
      cloneB,
      remoteEnv({
        TURBO_REMOTE_CACHE_SIGNATURE_KEY: 'someone-elses-key-also-at-least-32-bytes-long',
      }),
      contentOnly,
    )
    log(
      `other signing key: ${describeRun(result)}; artifact on the server failed turbo's signature check, task rebuilt`,
    )
    expect(result.code, result.output).toBe(0)
    expect(result.tasks[0]?.cache.status).toBe('MISS')
    expect(outputs(cloneB, 'packages/content')).toEqual(outputs(cloneA, 'packages/content'))
  })

  test('should not trust a tampered artifact: rebuilt', async () => {
    const hash = contentHash(cloneA)
    const artifact = join(server.storage, team, hash)
    const bytes = readFileSync(artifact)
    const tampered = Buffer.from(bytes)
    tampered[tampered.length >> 1]! ^= 0xff
    writeFileSync(artifact, tampered)
    try {
      resetContent(cloneB)
      const result = await build(cloneB, remoteEnv(), contentOnly)
      log(`tampered artifact ${hash}: ${describeRun(result)}; signature check failed, task rebuilt`)
      expect(result.code, result.output).toBe(0)
      expect(result.tasks[0]?.cache.status).toBe('MISS')
      expect(outputs(cloneB, 'packages/content')).toEqual(outputs(cloneA, 'packages/content'))
    } finally {
      writeFileSync(artifact, bytes)
    }
    expect(createHash('sha256').update(readFileSync(artifact)).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    )
    // The same artifact, untampered, is trusted again: the miss was the tampering.
    resetContent(cloneB)
    const again = await build(cloneB, remoteEnv(), contentOnly)
    log(`artifact ${hash} restored: ${describeRun(again)}`)
    expect(again.tasks[0]?.cache).toMatchObject({ status: 'HIT', remote: true })
  })

  test('should build, in bounded time, with the server stopped, and say so', async () => {
    await server.stop()
    resetContent(cloneB)
    const result = await build(cloneB, remoteEnv(), contentOnly)
    log(`server stopped: ${describeRun(result)}; turbo says: ${warning(result.output)}`)
    expect(result.code, result.output).toBe(0)
    expect(result.tasks[0]?.cache.status).toBe('MISS')
    expect(result.output).toMatch(/Remote caching unavailable \(Could not connect to/)
    expect(outputs(cloneB, 'packages/content')).toEqual(outputs(cloneA, 'packages/content'))
  })
})

describe('a build restored from the cache', () => {
  test("should leave exactly the restored build's files, none of the build before it", async () => {
    const plain = outputs(cloneA, 'apps/talk')
    const deck = ['--filter=@ai-engineer/talk', '--cache=local:rw']
    const withUrl = await build(cloneA, { TALK_URL: 'https://speaker.example/deck/' }, deck)
    log(`clone A, deck with TALK_URL: ${describeRun(withUrl)}`)
    expect(withUrl.code, withUrl.output).toBe(0)
    const other = [...outputs(cloneA, 'apps/talk').keys()].filter((path) => !plain.has(path))
    // The other build has files of its own (chunks with other hashes): what could stay.
    expect(other.length).toBeGreaterThan(0)

    const restored = await build(cloneA, {}, deck)
    log(`clone A, deck again without TALK_URL: ${describeRun(restored)}`)
    expect(restored.code, restored.output).toBe(0)
    expect(
      restored.tasks.find((task) => task.taskId === '@ai-engineer/talk#build')?.cache,
    ).toMatchObject({
      status: 'HIT',
      local: true,
    })
    expect(outputs(cloneA, 'apps/talk')).toEqual(plain)
  })
})

/** `package#build` for every workspace package that has a build script. */
function buildTasks(root: string): string[] {
  const tasks: string[] = []
  for (const group of ['packages', 'apps', 'tools']) {
    if (!existsSync(join(root, group))) continue
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, 'package.json')
      if (!existsSync(manifest)) continue
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string
        scripts?: Record<string, string>
      }
      if (pkg.scripts?.build) tasks.push(`${pkg.name}#build`)
    }
  }
  return tasks.sort()
}

function warning(output: string): string {
  return (
    output
      .split('\n')
      .find((line) => line.includes('WARNING'))
      ?.trim() ?? '(no warning)'
  )
}

/** The hash of content's build task in clone A's last summary… or its stored artifact. */
function contentHash(dir: string): string {
  const runs = join(dir, '.turbo/runs')
  const file = readdirSync(runs).find((name) => name.endsWith('.json'))
  const summary = JSON.parse(readFileSync(join(runs, file!), 'utf8')) as {
    tasks: { taskId: string; hash: string }[]
  }
  const task = summary.tasks.find((item) => item.taskId === '@ai-engineer/content#build')
  if (!task) throw new Error('no content build in clone A’s run summary')
  return task.hash
}
