import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { GuidePage } from '@ai-engineer/content'
import type { Nodes } from 'mdast'
import { removePosition } from 'unist-util-remove-position'

/** Parse `markdown` and return its tree with positions removed. */
export async function tree(markdown: string): Promise<GuidePage['tree']> {
  const page = await parseGuide(markdown, { path: 'test.md' })
  return bare(page.tree)
}

/** A deep copy of `node` without positions. */
export function bare<T extends Nodes>(node: T): T {
  const copy = structuredClone(node)
  removePosition(copy, { force: true })
  return copy
}

/** The GuideError that parsing `markdown` rejects with (fails the test if it resolves). */
export async function parseError(markdown: string, path = 'bad.md'): Promise<GuideError> {
  try {
    await parseGuide(markdown, { path })
  } catch (error) {
    if (error instanceof GuideError) return error
    throw error
  }
  throw new Error('expected the guide to be rejected, but it parsed')
}

/** Bytes from strings (as UTF-8) and raw byte lists, in order: for hand-made files. */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const encoder = new TextEncoder()
  const chunks = parts.map((part) =>
    typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part),
  )
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/** The fixture folders: `<case>/input.md`, with `tree.json` or, for `*-error-*`, `errors.txt`. */
export const fixtures = new URL('fixtures/', import.meta.url)
const fixtureNames = readdirSync(fixtures).sort()
/** Fixtures that parse. */
export const validFixtures = fixtureNames.filter((name) => !name.includes('-error-'))
/** Fixtures that are rejected with positioned errors. */
export const errorFixtures = fixtureNames.filter((name) => name.includes('-error-'))

/**
 * A copy of the guide `fixture` in a new folder under `root`, with the paths of a cache
 * folder and an output folder beside it (not made).
 */
export async function guideCase(
  root: string,
  fixture: string,
): Promise<{ guide: string; cacheDir: string; out: string }> {
  const dir = await mkdtemp(join(root, 'case-'))
  const paths = { guide: join(dir, 'guide'), cacheDir: join(dir, 'cache'), out: join(dir, 'out') }
  await cp(fixture, paths.guide, { recursive: true })
  return paths
}

/** The package's bin. */
export const bin = fileURLToPath(new URL('../bin/ai-engineer-content.js', import.meta.url))

/**
 * Write into `root` a module for `node --import` that lists each file whose path matches
 * `files` that the process opens or reads (`fs.openSync`, `fs.readFileSync`,
 * `fs/promises.readFile`) in the file `$READS`, and sets the process's clock (`Date.now`)
 * to `$CLOCK` (ms since the epoch) when it is given, so a test can make a file old enough
 * to be stamped without waiting. Its path.
 */
export async function readsHook(root: string, files: RegExp): Promise<string> {
  const hook = join(root, 'trace-reads.mjs')
  await writeFile(
    hook,
    [
      "import fs, { appendFileSync } from 'node:fs'",
      "import fsp from 'node:fs/promises'",
      "import { syncBuiltinESMExports } from 'node:module'",
      `const note = (path) => { if (${String(files)}.test(String(path))) appendFileSync(process.env.READS, \`\${path}\\n\`) }`,
      'for (const [api, name] of [[fs, "openSync"], [fs, "readFileSync"], [fsp, "readFile"]]) {',
      '  const original = api[name]',
      '  api[name] = function (path, ...rest) { note(path); return original.call(this, path, ...rest) }',
      '}',
      'syncBuiltinESMExports()',
      'if (process.env.CLOCK) { const shift = Number(process.env.CLOCK) - Date.now(); const now = Date.now; Date.now = () => now() + shift }',
      '',
    ].join('\n'),
  )
  return hook
}

/** `ms` after the last change of any file under `folder`, in ms since the epoch. */
export async function afterChanges(folder: string, ms: number): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).ctimeMs),
  )
  return Math.max(...times) + ms
}

/**
 * The bin with `args` in a new process in the folder `cwd`, with the hook `hook`
 * ({@link readsHook}) and its clock at `clock` (the real one if `undefined`): its exit
 * code, its stderr and the files it read, each once, in the order first read.
 */
export async function traceBin(
  hook: string,
  args: readonly string[],
  { cwd, clock }: { cwd: string; clock: number | undefined },
): Promise<{ code: number; stderr: string; read: string[] }> {
  const reads = join(cwd, '..', `reads-${Date.now()}-${Math.random()}.txt`)
  await writeFile(reads, '')
  const env = { ...process.env, READS: reads, CLOCK: clock === undefined ? '' : String(clock) }
  let code = 0
  let stderr: string
  try {
    ;({ stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', pathToFileURL(hook).href, bin, ...args],
      { cwd, env },
    ))
  } catch (error) {
    ;({ code, stderr } = error as { code: number; stderr: string })
  }
  const read = [...new Set((await readFile(reads, 'utf8')).split('\n'))].filter(Boolean)
  return { code, stderr, read }
}
