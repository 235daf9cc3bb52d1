/**
 * 4. Components size: min+gzip of the whole library and of `GuideRenderer`
 * alone, bundled as an app would (esbuild, minified, tree-shaken), `vue`
 * external. `@ai-engineer/content` is bundled: a consumer ships what the
 * library takes from it (`isSafeUrl`), so it counts. Target: whole ≤ 15 kB.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import { assertSane, kB, ratio, type BenchOptions, type Result } from './report.ts'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const limit = 15_000

/** Minified, tree-shaken bundle of `source` (an entry module's text), `external` left out. */
async function bundle(
  source: string,
  external: string[],
): Promise<{ bytes: number; inputs: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const code = result.outputFiles[0]!.contents
  return { bytes: gzip(code), inputs: Object.keys(result.metafile.inputs) }
}

function gzip(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length
}

export async function componentsSize({ log }: BenchOptions): Promise<Result> {
  log('components size: bundling with esbuild')
  const whole = await bundle(`export * from '@ai-engineer/components'`, ['vue'])
  const renderer = await bundle(`export { GuideRenderer } from '@ai-engineer/components'`, ['vue'])
  const contentExternal = await bundle(`export * from '@ai-engineer/components'`, [
    'vue',
    '@ai-engineer/content',
  ])
  const cssFile = join(
    dirname(require.resolve('@ai-engineer/components/package.json')),
    'dist/style.css',
  )
  const css = await transform(await readFile(cssFile, 'utf8'), { loader: 'css', minify: true })
  const cssBytes = gzip(css.code)
  const total = whole.bytes + cssBytes
  assertSane('components size', { whole: whole.bytes, renderer: renderer.bytes, css: cssBytes })
  if (whole.bytes === 0 || renderer.bytes === 0 || renderer.bytes > whole.bytes) {
    throw new Error(
      `components size: implausible sizes ${whole.bytes} (whole), ${renderer.bytes} (GuideRenderer)`,
    )
  }
  const fromContent = whole.inputs.filter((input) => input.includes('/content/'))
  return {
    name: 'Components size',
    rows: [
      {
        benchmark: 'components: whole library, JS + CSS min+gzip',
        ours: kB(total),
        baseline: '—',
        ratio: '—',
        target: `≤ ${kB(limit)}`,
        pass: total <= limit,
      },
      {
        benchmark: 'components: GuideRenderer alone, JS min+gzip',
        ours: kB(renderer.bytes),
        baseline: `whole JS ${kB(whole.bytes)}`,
        ratio: ratio(renderer.bytes / whole.bytes),
        target: '—',
        pass: undefined,
      },
    ],
    details: [
      'esbuild (minify, ESM, browser, es2022, `NODE_ENV=production`), gzip level 9. `vue` external, as it is a peer dependency every consumer already has.',
      `\`@ai-engineer/content\` is bundled (tree-shaken): a consumer ships what the library imports from it; from it the bundle took ${fromContent.map((input) => input.replace(/^.*\/content\//, 'content/')).join(', ') || 'nothing'}. With content external too, the whole library's JS is ${kB(contentExternal.bytes)}.`,
      `Whole library: JS ${kB(whole.bytes)} + \`style.css\` ${kB(cssBytes)} (minified) = ${kB(total)}; judged on the sum, as an app that uses the library ships both. GuideRenderer alone (what tree-shaking keeps for \`import { GuideRenderer }\`): JS ${kB(renderer.bytes)}, plus the same CSS (one file).`,
    ],
  }
}
