/**
 * A stock Slidev deck to compare the talk with: plain markdown on the default theme, as a
 * deck starts before anyone styles it, offline like ours (`fonts: { provider: none }`, a
 * local favicon; Slidev's defaults fetch both from CDNs). Built with `slidev build` in a
 * folder of the caller's, which resolves Slidev through `nodeModules`.
 */
import { execFile } from 'node:child_process'
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { cleanEnv } from './env.ts'

const run = promisify(execFile)

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

/** Write and build the stock deck; resolves to its `dist` and the build's wall time. */
export async function buildStockDeck(
  options: StockDeckOptions,
): Promise<{ dist: string; ms: number }> {
  const root = await writeStockDeck(options)
  const bin = join(options.nodeModules, '@slidev/cli/bin/slidev.mjs')
  const dist = join(options.work, 'stock-dist')
  const started = performance.now()
  await run(process.execPath, [bin, 'build', 'slides.md', '--out', dist], {
    cwd: root,
    env: cleanEnv(),
    maxBuffer: 32 * 1024 * 1024,
  })
  return { dist, ms: performance.now() - started }
}
