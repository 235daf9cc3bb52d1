/**
 * The shared stock build, with a stand-in for Slidev: a `slidev.mjs` that writes the
 * `index.html` a build would and counts its runs, so the test costs no real build.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildStockDeck, stockDeckCache, type StockDeckOptions } from '../src/stock-deck.ts'

const run = promisify(execFile)
let work: string
let nodeModules: string
let runs: string
/** A Slidev version of our own: the cache entries the test makes are its own. */
const version = `0.0.0-test-${process.pid}-${Date.now()}`

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'stock-deck-test-'))
  nodeModules = join(work, 'node_modules')
  runs = join(work, 'runs')
  await mkdir(runs)
  const cli = join(nodeModules, '@slidev/cli')
  await mkdir(join(cli, 'bin'), { recursive: true })
  await writeFile(join(cli, 'package.json'), JSON.stringify({ version }))
  await writeFile(
    join(cli, 'bin/slidev.mjs'),
    [
      "import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'",
      "import { join } from 'node:path'",
      `writeFileSync(join(${JSON.stringify(runs)}, String(process.pid)), '')`,
      "const out = process.argv[process.argv.indexOf('--out') + 1]",
      'mkdirSync(out, { recursive: true })',
      "writeFileSync(join(out, 'index.html'), readFileSync('slides.md'))",
    ].join('\n'),
  )
  const theme = join(nodeModules, '@slidev/theme-default')
  await mkdir(theme, { recursive: true })
  await writeFile(join(theme, 'package.json'), JSON.stringify({ version: '0.0.0' }))
  await writeFile(join(work, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  // The entries this test made, named by hashes that took its own Slidev version.
  for (const name of made) await rm(join(stockDeckCache, name), { recursive: true, force: true })
})

const made = new Set<string>()
async function options(slides: number): Promise<StockDeckOptions> {
  const folder = await mkdtemp(join(work, 'suite-'))
  return { work: folder, slides, nodeModules, favicon: join(work, 'favicon.svg') }
}

describe('the shared stock deck', () => {
  it('should build once for two suites that ask at the same time, and give both the build', async () => {
    const [first, second] = await Promise.all([
      buildStockDeck(await options(3)),
      buildStockDeck(await options(3)),
    ])
    made.add(first.dist.split('/').at(-1)!)
    expect(await readdir(runs)).toHaveLength(1)
    expect(second.dist).toBe(first.dist)
    expect([first.reused, second.reused].sort()).toEqual([false, true])
    expect(await readFile(join(first.dist, 'index.html'), 'utf8')).toContain('# Slide 3')
    expect(existsSync(`${first.dist}.lock`)).toBe(false)
  })

  it('should build another deck for another number of slides', async () => {
    const four = await buildStockDeck(await options(4))
    made.add(four.dist.split('/').at(-1)!)
    expect(four.reused).toBe(false)
    expect(await readdir(runs)).toHaveLength(2)
    expect(await readFile(join(four.dist, 'index.html'), 'utf8')).toContain('# Slide 4')
  })

  it('should take over the lock of a build whose process died', async () => {
    const dead = await run(process.execPath, ['-e', 'console.log(process.pid)'])
    const deck = await options(5)
    const five = await buildStockDeck(deck)
    made.add(five.dist.split('/').at(-1)!)
    await rm(five.dist, { recursive: true })
    const lock = `${five.dist}.lock`
    await mkdir(lock)
    await writeFile(join(lock, 'pid'), dead.stdout.trim())
    const again = await buildStockDeck(await options(5))
    expect(again).toMatchObject({ dist: five.dist, reused: false })
    expect(existsSync(lock)).toBe(false)
  })
})
