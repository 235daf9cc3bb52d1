/**
 * A stock Slidev deck to compare the talk with: plain markdown on the default theme, as a
 * deck starts before anyone styles it, offline like ours (`fonts: { provider: none }`, a
 * local favicon; Slidev's defaults fetch both from CDNs). Built with `slidev build` in a
 * folder of the caller's, which resolves Slidev through `nodeModules`.
 *
 * The benchmark and the talk's accessibility e2e both compare with the same deck, in the
 * same `pnpm test`: the build is shared. It is kept under `node_modules/.cache/stock-deck/`,
 * named by a hash of everything it is made from (its `slides.md`, the favicon, the
 * versions of Slidev and its theme), so a build is reused only for the same deck; a suite
 * that finds another one building it waits for that build.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { cleanEnv } from './env.ts'

const run = promisify(execFile)

/** Where shared stock builds are kept: the repository's `node_modules/.cache`. */
export const stockDeckCache = fileURLToPath(
  new URL('../../../node_modules/.cache/stock-deck', import.meta.url),
)

export interface StockDeckOptions {
  /** An empty folder to write the deck (`<work>/stock`) and its build (`<work>/stock-dist`) in. */
  work: string
  /** How many slides. */
  slides: number
  /** A `node_modules` folder that holds `@slidev/cli` and `@slidev/theme-default`. */
  nodeModules: string
  /** An SVG favicon to ship with the deck. */
  favicon: string
}

/** The stock deck's `slides.md` for `slides` slides: a heading, a paragraph, three points each. */
export function stockSlides(slides: number): string {
  const body = Array.from({ length: slides }, (_, index) =>
    [
      `# Slide ${index + 1}`,
      '',
      'Plain markdown on the default theme, as a deck starts before anyone styles it.',
      '',
      '- A first point',
      '- A second point',
      '- A third point',
    ].join('\n'),
  )
  const headmatter = [
    '---',
    'theme: default',
    'title: Stock deck',
    'fonts:',
    '  provider: none',
    'favicon: /favicon.svg',
    '---',
  ].join('\n')
  return `${headmatter}\n\n${body.join('\n\n---\n\n')}\n`
}

/**
 * Write the stock deck's sources to `<work>/stock` (`slides.md`, the favicon, a
 * `node_modules` link), ready for `slidev` or `slidev build`; resolves to that folder.
 */
export async function writeStockDeck(options: StockDeckOptions): Promise<string> {
  const root = join(options.work, 'stock')
  await mkdir(join(root, 'public'), { recursive: true })
  await symlink(options.nodeModules, join(root, 'node_modules'), 'dir')
  await cp(options.favicon, join(root, 'public/favicon.svg'))
  await writeFile(join(root, 'slides.md'), stockSlides(options.slides))
  return root
}

/** What a stock build is made from, hashed: the name of its folder in the cache. */
async function stockDeckKey(options: StockDeckOptions): Promise<string> {
  const hash = createHash('sha256').update(stockSlides(options.slides))
  hash.update(await readFile(options.favicon))
  for (const name of ['@slidev/cli', '@slidev/theme-default']) {
    const manifest = join(options.nodeModules, name, 'package.json')
    hash.update(
      `${name}@${(JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version}`,
    )
  }
  return hash.digest('hex').slice(0, 16)
}

/** Whether process `pid` is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Take the lock of a build (a folder made atomically, holding the owner's pid), or wait
 * until whoever holds it is done: resolves `true` once this process holds it, `false`
 * once the build it waited for is there. A lock whose owner has died is taken over.
 */
async function lockOrWait(lock: string, built: string): Promise<boolean> {
  for (;;) {
    if (existsSync(built)) return false
    try {
      await mkdir(lock)
      await writeFile(join(lock, 'pid'), String(process.pid))
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''))
    // No pid yet: the owner is between its mkdir and its write.
    if (owner > 0 && !running(owner)) await rm(lock, { recursive: true, force: true })
    else await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/**
 * Build the stock deck, or reuse the build of the same deck that another suite made;
 * resolves to its `dist`, the build's wall time (0 when reused) and whether it was reused.
 */
export async function buildStockDeck(
  options: StockDeckOptions,
): Promise<{ dist: string; ms: number; reused: boolean }> {
  const key = await stockDeckKey(options)
  const dist = join(stockDeckCache, key)
  const lock = `${dist}.lock`
  await mkdir(stockDeckCache, { recursive: true })
  if (!(await lockOrWait(lock, dist))) return { dist, ms: 0, reused: true }
  try {
    if (existsSync(dist)) return { dist, ms: 0, reused: true }
    const root = await writeStockDeck(options)
    const bin = join(options.nodeModules, '@slidev/cli/bin/slidev.mjs')
    const building = join(options.work, 'stock-dist')
    const started = performance.now()
    await run(process.execPath, [bin, 'build', 'slides.md', '--out', building], {
      cwd: root,
      env: cleanEnv(),
      maxBuffer: 32 * 1024 * 1024,
    })
    const ms = performance.now() - started
    // Into the cache whole, or not at all: a waiting suite sees the folder only when done.
    await cp(building, `${dist}.${process.pid}`, { recursive: true })
    await rename(`${dist}.${process.pid}`, dist)
    return { dist, ms, reused: false }
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}
