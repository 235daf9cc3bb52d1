/**
 * 9. The guide's website against mkdocs-material: the same guide (the content package's
 * multi-page test guide, 7 pages) built by ours (`apps/site`: Astro, the content's Astro
 * loader, our Vue components) and by Debian's `mkdocs` with its `mkdocs-material` theme
 * (`apt-get install mkdocs mkdocs-material`), each served the same way (`sirv` on
 * 127.0.0.1, no compression), each page opened in a fresh Chromium context:
 *   - JavaScript per page, gzip: every script the page loads (workers too), each body
 *     gzipped as a host would send it: ours ≤ 0.2× material's;
 *   - CSS per page, gzip, and requests per page: reported;
 *   - first contentful paint: ours ≤ 1.0× material's;
 *   - Lighthouse (its default mobile run, on Debian's Chromium) on the home page and a
 *     page with a figure: ours at 100 for accessibility, best practices and SEO, ≥ 95 for
 *     performance; material's beside them;
 *   - the build of the whole guide: reported beside mkdocs'.
 * Requests to other hosts (material's pages ask Google Fonts) are answered with an error,
 * never sent: the run needs no network, and each counts as a request of its page.
 */
import { spawnSync } from 'node:child_process'
import { cp, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromiumPath, launchChromium } from '@ai-engineer/test-utils'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Browser } from 'playwright-core'
import { png } from './generate-pages.ts'
import { cleanEnv, makeTempDir, removeTempDir, run, serveStatic } from './processes.ts'
import {
  assertSane,
  kB,
  median,
  ms,
  ratio,
  spread,
  type BenchOptions,
  type Result,
  type Row,
} from './report.ts'

const require = createRequire(import.meta.url)
const siteDir = dirname(require.resolve('@ai-engineer/site/package.json'))
const astroBin = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
const fixture = fileURLToPath(
  new URL('../../../packages/content/test/guides/devops', import.meta.url),
)
const limits = { js: 0.2, paint: 1, scores: { performance: 95, others: 100 } }

/** The fixture's pages, by their URL under the site's root, as both tools lay them out. */
const pages = ['', 'docker/', 'cicd/', 'deployment/', 'testing/api/', 'testing/unit/']
/** The pages Lighthouse runs on: the home page, and a page with a figure and a warning. */
const audited = ['', 'deployment/']
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Category = (typeof categories)[number]

type Tool = 'ours' | 'material'
const labels: Record<Tool, string> = { ours: 'ours', material: 'mkdocs-material' }

export interface PageLoad {
  js: number
  css: number
  requests: number
  paint: number
}

/**
 * The guide's `mkdocs.yml` as Debian's mkdocs-material (8.2) builds it: that package
 * ships the theme without its Python module, so the emoji extension takes pymdownx's own
 * index and generator (`material.extensions.emoji` came with mkdocs-material 9.4).
 */
export function debianMkdocsConfig(config: string): string {
  return config.replaceAll('material.extensions.emoji.', 'pymdownx.emoji.')
}

/** Build ours into `out`, from the guide at `guide`, with a cache of its own. */
function buildOurs(guide: string, out: string, cache: string) {
  return run(process.execPath, [astroBin, 'build', '--outDir', out], {
    cwd: siteDir,
    env: cleanEnv({
      GUIDE: guide,
      SITE_CACHE_DIR: cache,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    }),
  })
}

function buildMaterial(config: string, out: string) {
  return run('mkdocs', ['build', '--quiet', '--config-file', config, '--site-dir', out], {
    env: cleanEnv(),
  })
}

/** Open `url` in a fresh context: what its scripts and styles weigh, its requests, its FCP. */
export async function loadPage(browser: Browser, url: string): Promise<PageLoad> {
  const context = await browser.newContext()
  const origin = new URL(url).origin
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
  )
  const page = await context.newPage()
  let requests = 0
  const bodies: Promise<{ type: string; bytes: number }>[] = []
  const count = (request: { url(): string }) => {
    if (!request.url().startsWith('data:')) requests += 1
  }
  context.on('request', count)
  context.on('response', (response) => {
    const type = response.request().resourceType()
    if (type !== 'script' && type !== 'stylesheet') return
    bodies.push(
      response.body().then(
        (body) => ({ type, bytes: gzipSync(body).length }),
        () => ({ type, bytes: 0 }),
      ),
    )
  })
  await page.goto(url, { waitUntil: 'load' })
  const paint = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0]
        if (entry) return resolve(entry.startTime)
        new PerformanceObserver((list, observer) => {
          observer.disconnect()
          resolve(list.getEntries()[0]!.startTime)
        }).observe({ type: 'paint', buffered: true })
      }),
  )
  // What the page starts after load (material's search worker and its index) counts too.
  await page.waitForLoadState('networkidle')
  const loaded = await Promise.all(bodies)
  await context.close()
  const sum = (type: string) =>
    loaded.filter((body) => body.type === type).reduce((total, body) => total + body.bytes, 0)
  return { js: sum('script'), css: sum('stylesheet'), requests, paint }
}

/** Lighthouse's scores of `url` (0–100), on Debian's Chromium. */
async function audit(url: string): Promise<Record<Category, number>> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: [...categories],
    })
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
    return Object.fromEntries(
      categories.map((category) => [
        category,
        Math.round((result.lhr.categories[category]?.score ?? 0) * 100),
      ]),
    ) as Record<Category, number>
  } finally {
    chrome.kill()
  }
}

export async function site(options: BenchOptions): Promise<Result> {
  // The other side of every row is Debian's mkdocs: without it, say what to install.
  if (spawnSync('mkdocs', ['--version'], { stdio: 'ignore' }).error) {
    throw new Error(
      "`mkdocs` is not on PATH: the site group builds the guide with Debian's `mkdocs` and `mkdocs-material` too (`apt-get install mkdocs mkdocs-material`)",
    )
  }
  const { quick, log } = options
  const rounds = quick ? 1 : 5
  const loads = quick ? 1 : 5
  const tmp = await makeTempDir('site')
  try {
    const guide = join(tmp, 'guide')
    await cp(fixture, guide, { recursive: true })
    // The test guide's PNG is 8×4 pixels, for unit tests; a guide's figure is larger.
    await writeFile(join(guide, 'docs', 'images', 'pipeline.png'), png(1200, 600, 0x5e35))
    const materialConfig = join(guide, 'mkdocs-material.yml')
    await writeFile(
      materialConfig,
      debianMkdocsConfig(await readFile(join(guide, 'mkdocs.yml'), 'utf8')),
    )
    const out: Record<Tool, string> = { ours: join(tmp, 'ours'), material: join(tmp, 'material') }

    // Builds, the order alternating; ours from an empty cache each round, as mkdocs builds.
    const builds: Record<Tool, number[]> = { ours: [], material: [] }
    for (let round = 0; round < rounds; round++) {
      const order: Tool[] = round % 2 === 0 ? ['ours', 'material'] : ['material', 'ours']
      for (const tool of order) {
        const finished =
          tool === 'ours'
            ? await buildOurs(join(guide, 'mkdocs.yml'), out.ours, join(tmp, `cache-${round}`))
            : await buildMaterial(materialConfig, out.material)
        builds[tool].push(finished.ms)
      }
      log(`site: build round ${round + 1}/${rounds}`)
    }

    const servers = {
      ours: await serveStatic(out.ours, false),
      material: await serveStatic(out.material, false),
    }
    const browser = await launchChromium()
    const measured: Record<Tool, PageLoad[]> = { ours: [], material: [] }
    const scores: Record<Tool, Record<Category, number>[]> = { ours: [], material: [] }
    try {
      for (let round = 0; round < loads; round++) {
        for (const tool of round % 2 === 0
          ? (['ours', 'material'] as const)
          : (['material', 'ours'] as const)) {
          for (const path of quick ? audited : pages) {
            measured[tool].push(await loadPage(browser, `${servers[tool].origin}/${path}`))
          }
        }
        log(`site: page loads round ${round + 1}/${loads}`)
      }
      // Quick: one audit, of ours' home page (a Lighthouse run is 20–30 s on 2 cores).
      for (const path of quick ? audited.slice(0, 1) : audited) {
        for (const tool of quick ? (['ours'] as const) : (['ours', 'material'] as const)) {
          scores[tool].push(await audit(`${servers[tool].origin}/${path}`))
          log(`site: Lighthouse on ${labels[tool]} /${path}`)
        }
      }
    } finally {
      await browser.close()
      await servers.ours.stop()
      await servers.material.stop()
    }

    const of = (tool: Tool, key: keyof PageLoad) => measured[tool].map((load) => load[key])
    for (const tool of ['ours', 'material'] as const) {
      assertSane(`site ${tool}`, {
        js: of(tool, 'js'),
        css: of(tool, 'css'),
        requests: of(tool, 'requests'),
        paint: of(tool, 'paint'),
        build: builds[tool],
      })
    }
    /** The lowest score of `category` over the pages audited; `—` when none was (quick). */
    const lowest = (tool: Tool, category: Category): string =>
      scores[tool].length === 0
        ? '—'
        : String(Math.min(...scores[tool].map((score) => score[category])))
    /** A row of ours' median of `key` over material's, judged when `limit` is given. */
    const pageRow = (
      benchmark: string,
      key: keyof PageLoad,
      format: (value: number) => string,
      limit?: number,
    ): Row => {
      const ours = median(of('ours', key))
      const material = median(of('material', key))
      return {
        benchmark: `site: ${benchmark} (over mkdocs-material)`,
        ours: format(ours),
        baseline: `mkdocs-material ${format(material)}`,
        ratio: ratio(ours / material),
        target: limit === undefined ? '—' : `≤ ${limit}×`,
        pass: quick || limit === undefined ? undefined : ours / material <= limit,
      }
    }
    const rows: Row[] = [
      pageRow('JavaScript per page, gzip', 'js', kB, limits.js),
      pageRow('CSS per page, gzip', 'css', kB),
      pageRow('requests per page', 'requests', String),
      pageRow('first contentful paint', 'paint', ms, limits.paint),
      ...categories.map((category): Row => {
        const target = category === 'performance' ? limits.scores.performance : limits.scores.others
        return {
          benchmark: `site: Lighthouse ${category} (lowest of the pages audited)`,
          ours: lowest('ours', category),
          baseline: `mkdocs-material ${lowest('material', category)}`,
          ratio: '—',
          target: category === 'performance' ? `≥ ${target}` : `${target}`,
          pass: quick ? undefined : Number(lowest('ours', category)) >= target,
        }
      }),
      {
        benchmark: 'site: build of the 7-page guide (over mkdocs build)',
        ours: ms(median(builds.ours)),
        baseline: `mkdocs ${ms(median(builds.material))}`,
        ratio: ratio(median(builds.ours) / median(builds.material)),
        target: '—',
        pass: undefined,
      },
    ]
    const details = [
      `Pages: ${(quick ? audited : pages).length} of the content package's multi-page test guide, each loaded ${loads} time(s) per tool in a fresh Chromium context, the tools alternating; requests to other hosts aborted and counted.`,
      ...(['ours', 'material'] as const).flatMap((tool) => [
        `${labels[tool]}: JavaScript ${spread(of(tool, 'js'), kB)}, CSS ${spread(of(tool, 'css'), kB)}, requests ${spread(of(tool, 'requests'), String)}, first contentful paint ${spread(of(tool, 'paint'), ms)}; build ${spread(builds[tool], ms)}.`,
        `${labels[tool]} Lighthouse: ${scores[tool].length === 0 ? 'not run (quick)' : ''}${scores[
          tool
        ]
          .map(
            (score, index) =>
              `/${(quick ? audited.slice(0, 1) : audited)[index]} ${categories.map((category) => `${category} ${score[category]}`).join(', ')}`,
          )
          .join('; ')}.`,
      ]),
    ]
    return { name: 'site', rows, details }
  } finally {
    await removeTempDir(tmp)
  }
}
