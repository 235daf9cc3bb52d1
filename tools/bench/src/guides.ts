/**
 * Long on purpose: the guide rows share one generated guide per size and the projects
 * built from it.
 *
 * 8. Guides of many pages: ours (`ai-engineer-content build`) against Velite 0.4 and
 * content-collections 0.15, each in a project of its own in a temp folder, on the same
 * generated mkdocs guide (`generate-pages.ts`) of 31, 300 and 3,000 pages. Each build is a
 * fresh child process, the tools' order rotating every round. Targets, at 300 and 3,000
 * pages (31 is reported, not judged), against the faster (or smaller) of the two:
 *   - a cold build (every output and cache removed first): ours ≤ 0.8×;
 *   - one word of one page changed, the same command again, caches warm: ours ≤ 0.1×;
 *   - the peak RSS of the cold build: ours ≤ 1×.
 * At 3,000 pages also, reported only: a save under each tool's own watch mode, ours
 * against the same command run again and against the faster of the other two. And, judged: a fresh Node process importing ours' built `index.js` and reading
 * its `guideIndex`, against `JSON.parse` of the same index (≤ 1.5×); and, in a Vite app
 * with our plugin, a save of the page shown to the new word painted in Chromium, against
 * a save of a stock Slidev deck's `slides.md` to its slide painted (≤ 2×).
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  freePort,
  launchChromium,
  pollUntil,
  waitForUrl,
  writeStockDeck,
} from '@ai-engineer/test-utils'
import type { Browser } from 'playwright-core'
import {
  editOpening,
  editedWord,
  generatePages,
  writePages,
  type GeneratedPages,
} from './generate-pages.ts'
import { cleanEnv, makeTempDir, removeTempDir, run, startServer } from './processes.ts'
import {
  assertSane,
  median,
  ms,
  ratio,
  spread,
  type BenchOptions,
  type Result,
  type Row,
} from './report.ts'
import { paintProbe, startSlidevDev, talkDir, type DevServer } from './slidev-dev.ts'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const nodeModules = join(benchDir, 'node_modules')
const probes = fileURLToPath(new URL('probes/', import.meta.url))
const limits = { cold: 0.8, edit: 0.1, rss: 1, import: 1.5, vite: 2 }

/** The tools, in the order the tables name them. */
const tools = ['ours', 'velite', 'cc'] as const
type Tool = (typeof tools)[number]
const labels: Record<Tool, string> = {
  ours: 'ours',
  velite: 'Velite',
  cc: 'content-collections',
}

/** How a tool is run in its project folder, and what it writes there. */
interface Command {
  /** Arguments to `node`, from the project folder. */
  args: string[]
  /** What a cold round removes first, relative to the project folder: output and caches. */
  remove: string[]
}

/**
 * How ours is run: `ai-engineer-content build mkdocs.yml --out out` in its project folder,
 * with its default cache (`node_modules/.cache/ai-engineer-content` beside the nearest
 * `package.json`: the project's own; warm caches are the same command run again). The one
 * place to change when its flags change (`--cache-dir`, `--no-cache`, `--threads`).
 */
export function oursCommand(): Command {
  const bin = join(nodeModules, '@ai-engineer/content/bin/ai-engineer-content.js')
  return {
    args: [bin, 'build', 'mkdocs.yml', '--out', 'out'],
    remove: ['out', 'node_modules/.cache/ai-engineer-content'],
  }
}

/** `velite build`: `velite.config.ts` found in the folder; no cache of its own between runs. */
function veliteCommand(): Command {
  return {
    args: [join(nodeModules, 'velite/bin/velite.js'), 'build'],
    // Its data, the files its markdown links to (copied), and its compiled config.
    remove: ['.velite', 'public', 'node_modules/.velite.config.compiled.mjs'],
  }
}

/** `content-collections build` (its CLI), `content-collections.ts` in the folder. */
function ccCommand(): Command {
  return {
    args: [join(nodeModules, '@content-collections/cli/dist/index.js'), 'build'],
    // Generated modules and the per-document cache (and its compiled config) under one folder.
    remove: ['.content-collections'],
  }
}

const commands: Record<Tool, () => Command> = {
  ours: oursCommand,
  velite: veliteCommand,
  cc: ccCommand,
}

/**
 * Velite's configuration: every page of `docs/`, its frontmatter `title`, its path and its
 * markdown compiled to HTML. Velite's markdown has GFM on by default (its own bundled
 * remark-gfm), and copies every file a relative link or image names to `public/static/`
 * under a hashed name (its defaults, kept).
 */
const veliteConfig = `import { defineConfig, s } from 'velite'

export default defineConfig({
  root: 'docs',
  collections: {
    pages: {
      name: 'Page',
      pattern: '**/*.md',
      schema: s.object({ title: s.string(), path: s.path(), body: s.markdown() }),
    },
  },
})
`

/**
 * content-collections' configuration: every page of `docs/`, a zod schema (0.15 takes a
 * Standard Schema), each page's markdown compiled to HTML with remark-gfm by
 * `@content-collections/markdown` (cached per document under `.content-collections/cache`).
 */
const ccConfig = `import { defineCollection, defineConfig } from '@content-collections/core'
import { compileMarkdown } from '@content-collections/markdown'
import remarkGfm from 'remark-gfm'
import { z } from 'zod'

const pages = defineCollection({
  name: 'pages',
  directory: 'docs',
  include: '**/*.md',
  schema: z.object({ title: z.string(), content: z.string() }),
  transform: async (document, context) => {
    const body = await compileMarkdown(context, document, { remarkPlugins: [remarkGfm] })
    return { title: document.title, path: document._meta.path, body }
  },
})

export default defineConfig({ content: [pages] })
`

/** The packages each project's own `node_modules` links to (from this package's). */
const projectPackages: Record<Tool | 'vite', string[]> = {
  ours: [],
  velite: ['velite'],
  cc: ['@content-collections/core', '@content-collections/markdown', 'remark-gfm', 'zod'],
  vite: ['vite', '@ai-engineer/content'],
}

/** One size of the run. */
interface Plan {
  pages: number
  coldRounds: number
  editRounds: number
  /**
   * Velite, the slowest cold build at 3,000 pages and without a cache (its rebuild is a
   * whole build), runs fewer rounds there, so that the whole `pnpm bench` stays in time.
   */
  veliteColdRounds?: number
  veliteEditRounds?: number
  /** Judged (300, 3,000) or only reported (31). */
  judged: boolean
}

export const plans: Record<'full' | 'quick', Plan[]> = {
  full: [
    { pages: 31, coldRounds: 1, editRounds: 1, judged: false },
    { pages: 300, coldRounds: 3, editRounds: 3, judged: true },
    {
      pages: 3000,
      coldRounds: 3,
      editRounds: 3,
      veliteColdRounds: 2,
      veliteEditRounds: 1,
      judged: true,
    },
  ],
  quick: [{ pages: 31, coldRounds: 1, editRounds: 1, judged: false }],
}
/** The import and Vite rows run on the largest size of the plan. */
const importRounds = { full: 21, quick: 3 }
/** …but stop after this long, once 3 rounds are in (a slow import would take minutes). */
const importBudgetMs = 30_000
const viteEdits = { full: 5, quick: 1 }
/**
 * A page not shown this long after its navigation, or a save not painted this long after
 * it, fails the Vite row (with the time as a lower bound) instead of holding up the run.
 */
const viteLimits = { showMs: 60_000, saveMs: 30_000 }

/** A build, timed by the parent from spawn to exit, and its peak RSS. */
interface Build {
  ms: number
  /** Peak resident set size, KiB. */
  rssKiB: number
  /** The last line the tool printed (its own summary). */
  said: string
}

/** How a child's peak RSS is read: GNU time's `%M`, or a Node preload (`probes/max-rss.mjs`). */
export type RssMethod = 'time' | 'probe'
export const gnuTime = '/usr/bin/time'
export const defaultRssMethod = (): RssMethod => (existsSync(gnuTime) ? 'time' : 'probe')

/**
 * Run `node <args>` in `cwd` to its end: wall time on the parent's clock, spawn to exit,
 * and the peak RSS of the Node process. Through GNU time (`-f %M -o FILE`) where it exists,
 * else with `--import probes/max-rss.mjs`. Rejects on a non-zero exit, with its output.
 */
export async function timedNode(
  args: string[],
  cwd: string,
  method: RssMethod = defaultRssMethod(),
): Promise<Build> {
  const file = join(cwd, `.bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  try {
    const finished =
      method === 'time'
        ? await run(gnuTime, ['-f', '%M', '-o', file, process.execPath, ...args], {
            cwd,
            env: cleanEnv({ NO_COLOR: '1' }, { measured: true }),
          })
        : await run(process.execPath, ['--import', join(probes, 'max-rss.mjs'), ...args], {
            cwd,
            env: cleanEnv({ NO_COLOR: '1', BENCH_RSS_FILE: file }, { measured: true }),
          })
    // GNU time writes one line (or a note about the exit status first); the probe one per
    // Node process that exited (workers included): the largest.
    const values = (await readFile(file, 'utf8'))
      .split('\n')
      .filter((line) => /^\d+$/.test(line.trim()))
      .map(Number)
    if (values.length === 0) throw new Error(`no peak RSS recorded for node ${args.join(' ')}`)
    const said = `${finished.stdout}\n${finished.stderr}`
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .at(-1)
    return { ms: finished.ms, rssKiB: Math.max(...values), said: said ?? '' }
  } finally {
    await rm(file, { force: true })
  }
}

/** A tool's project: its folder, holding a copy of the guide and its configuration. */
interface Project {
  tool: Tool
  dir: string
}

async function linkPackages(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const link = join(dir, 'node_modules', name)
    await mkdir(dirname(link), { recursive: true })
    await symlink(join(nodeModules, name), link, 'dir')
  }
}

/** A project's `package.json`: ours keeps its cache beside the nearest one. */
const packageJson = (name: string): string =>
  `${JSON.stringify({ name: `bench-guides-${name}`, private: true, type: 'module' }, null, 2)}\n`

async function makeProject(tool: Tool, dir: string, guide: GeneratedPages): Promise<Project> {
  await mkdir(join(dir, 'node_modules'), { recursive: true })
  await writeFile(join(dir, 'package.json'), packageJson(tool))
  await writePages(dir, guide)
  await linkPackages(dir, projectPackages[tool])
  if (tool === 'velite') await writeFile(join(dir, 'velite.config.ts'), veliteConfig)
  if (tool === 'cc') await writeFile(join(dir, 'content-collections.ts'), ccConfig)
  return { tool, dir }
}

/** Remove every tool's output and caches from a project folder: the cold state. */
async function coldState(project: Project): Promise<void> {
  const paths = new Set([
    ...tools.flatMap((tool) => commands[tool]().remove),
    '.velite',
    '.content-collections',
  ])
  for (const path of paths) await rm(join(project.dir, path), { recursive: true, force: true })
}

/** What a tool wrote: the data file to look for pages and words in, by tool. */
function outputFile(project: Project, guide: GeneratedPages): string {
  switch (project.tool) {
    case 'ours':
      return join(project.dir, 'out/pages', `${guide.editPage.id}.js`)
    case 'velite':
      return join(project.dir, '.velite/pages.json')
    case 'cc':
      return join(project.dir, '.content-collections/generated/allPages.js')
  }
}

/**
 * Check a build's output: every page is there, with its types, and (after an edit) the
 * edited page holds the new word. Not timed.
 */
async function checkOutput(project: Project, guide: GeneratedPages, word?: string): Promise<void> {
  const count = guide.pages.length
  const fail = (what: string): never => {
    throw new Error(`guides: ${labels[project.tool]} at ${count} pages: ${what}`)
  }
  const data = await readFile(outputFile(project, guide), 'utf8').catch(() =>
    fail(`no ${outputFile(project, guide)}`),
  )
  if (word !== undefined && !data.includes(word)) fail(`the edited page has no "${word}"`)
  if (word !== undefined) return
  const types = {
    ours: 'out/index.d.ts',
    velite: '.velite/index.d.ts',
    cc: '.content-collections/generated/index.d.ts',
  }[project.tool]
  if (!existsSync(join(project.dir, types))) fail(`no ${types}`)
  let found: number
  if (project.tool === 'ours') {
    const entries = await readdir(join(project.dir, 'out/pages'), { recursive: true })
    found = entries.filter((entry) => entry.endsWith('.js')).length
  } else if (project.tool === 'velite') {
    found = (JSON.parse(data) as unknown[]).length
  } else {
    // A JSON array as a module: each document's `"path": "…"` key, unescaped only as a key.
    found = data.match(/^\s*"path": "/gm)?.length ?? 0
  }
  if (found !== count) fail(`${found} pages in the output, not ${count}`)
}

/** The median of each tool's samples, and the faster (smaller) of Velite and content-collections. */
function versus(samples: Record<Tool, number[]>): {
  ours: number
  other: Tool
  baseline: number
} {
  const velite = median(samples.velite)
  const cc = median(samples.cc)
  const other: Tool = velite <= cc ? 'velite' : 'cc'
  return { ours: median(samples.ours), other, baseline: Math.min(velite, cc) }
}

function mb(kib: number): string {
  return `${(kib / 1024).toFixed(0)} MB`
}

interface SizeResult {
  plan: Plan
  cold: Record<Tool, Build[]>
  edit: Record<Tool, number[]>
  /** Ours' own summary of its last rebuild (how many pages came from its cache). */
  oursSaid: string
  node: number[]
  bytes: number
  images: number
  links: GeneratedPages['links']
}

export async function guides({ quick, log }: BenchOptions): Promise<Result> {
  const plan = quick ? plans.quick : plans.full
  const work = await makeTempDir('guides')
  const started = performance.now()
  const rssMethod = defaultRssMethod()
  try {
    const sizes: SizeResult[] = []
    let largest: { guide: GeneratedPages; projects: Record<Tool, Project> } | undefined
    for (const size of plan) {
      const guide = generatePages(size.pages)
      const dir = join(work, String(size.pages))
      const projects = {} as Record<Tool, Project>
      for (const tool of tools) projects[tool] = await makeProject(tool, join(dir, tool), guide)
      log(
        `guides: ${size.pages} pages (${(guide.markdownBytes / 1e6).toFixed(1)} MB of markdown, ${guide.images} images) written for each tool`,
      )
      const result: SizeResult = {
        plan: size,
        cold: { ours: [], velite: [], cc: [] },
        edit: { ours: [], velite: [], cc: [] },
        oursSaid: '',
        node: [],
        bytes: guide.markdownBytes,
        images: guide.images,
        links: guide.links,
      }

      for (let round = 0; round < size.coldRounds; round++) {
        const order = tools.map((_, index) => tools[(index + round) % tools.length]!)
        for (const tool of tools) await coldState(projects[tool])
        const line: string[] = []
        for (const tool of order) {
          if (tool === 'velite' && round >= (size.veliteColdRounds ?? size.coldRounds)) continue
          const build = await timedNode(commands[tool]().args, projects[tool].dir, rssMethod)
          result.cold[tool].push(build)
          line.push(`${labels[tool]} ${ms(build.ms)} (${mb(build.rssKiB)})`)
          if (round === 0) await checkOutput(projects[tool], guide)
        }
        log(`guides: ${size.pages} pages, cold ${round + 1}/${size.coldRounds}: ${line.join(', ')}`)
      }

      // Caches are warm from the last cold round. Each edit writes a new word to the same
      // page (a word no earlier edit used), so each rebuild has one page to take in.
      const original = await readFile(join(projects.ours.dir, 'docs', guide.editPage.path), 'utf8')
      let n = 0
      const runners = [...tools, 'node'] as const
      for (let round = 0; round < size.editRounds; round++) {
        const order = runners.map((_, index) => runners[(index + round) % runners.length]!)
        const line: string[] = []
        for (const runner of order) {
          if (runner === 'node') {
            // Node's own start-up and exit, the same way: what no tool can take off.
            const empty = await timedNode(['-e', ''], work, rssMethod)
            result.node.push(empty.ms)
            line.push(`node -e '' ${ms(empty.ms)}`)
            continue
          }
          if (runner === 'velite' && round >= (size.veliteEditRounds ?? size.editRounds)) continue
          const project = projects[runner]
          n++
          await writeFile(join(project.dir, 'docs', guide.editPage.path), editOpening(original, n))
          const build = await timedNode(commands[runner]().args, project.dir, rssMethod)
          await checkOutput(project, guide, editedWord(n))
          result.edit[runner].push(build.ms)
          if (runner === 'ours') result.oursSaid = build.said
          line.push(`${labels[runner]} ${ms(build.ms)}`)
        }
        log(`guides: ${size.pages} pages, edit ${round + 1}/${size.editRounds}: ${line.join(', ')}`)
      }
      for (const tool of tools) {
        assertSane(`guides ${size.pages} (${tool})`, {
          cold: result.cold[tool].map((build) => build.ms),
          rss: result.cold[tool].map((build) => build.rssKiB),
          edit: result.edit[tool],
        })
      }
      sizes.push(result)
      // Keep the largest size's folder for the import and Vite rows; the others go.
      if (size === plan.at(-1)) largest = { guide, projects }
      else await rm(dir, { recursive: true, force: true })
    }

    const { guide, projects } = largest!
    const ours = projects.ours
    const watched = await watchRows(projects, guide, sizes.at(-1)!, quick, log)
    const imports = await importRow(ours, work, quick, log)
    const vite = await viteRow(guide, work, quick, log)

    const rows: Row[] = []
    const details: string[] = []
    for (const size of sizes) {
      const label = `guides ${size.plan.pages} pages`
      const judge = (value: number, limit: number): boolean | undefined =>
        size.plan.judged ? value <= limit : undefined
      const target = (limit: number): string => (size.plan.judged ? `≤ ${limit}×` : '—')
      const cold = versus({
        ours: size.cold.ours.map((build) => build.ms),
        velite: size.cold.velite.map((build) => build.ms),
        cc: size.cold.cc.map((build) => build.ms),
      })
      const edit = versus(size.edit)
      const rss = versus({
        ours: size.cold.ours.map((build) => build.rssKiB),
        velite: size.cold.velite.map((build) => build.rssKiB),
        cc: size.cold.cc.map((build) => build.rssKiB),
      })
      rows.push(
        {
          benchmark: `${label}: cold build (over the faster of Velite, content-collections)`,
          ours: ms(cold.ours),
          baseline: `${labels[cold.other]} ${ms(cold.baseline)}`,
          ratio: ratio(cold.ours / cold.baseline),
          target: target(limits.cold),
          pass: judge(cold.ours / cold.baseline, limits.cold),
        },
        {
          benchmark: `${label}: one page edited, caches warm (over the faster)`,
          ours: ms(edit.ours),
          baseline: `${labels[edit.other]} ${ms(edit.baseline)}`,
          ratio: ratio(edit.ours / edit.baseline),
          target: target(limits.edit),
          pass: judge(edit.ours / edit.baseline, limits.edit),
        },
        {
          benchmark: `${label}: peak RSS of the cold build (over the smaller)`,
          ours: mb(rss.ours),
          baseline: `${labels[rss.other]} ${mb(rss.baseline)}`,
          ratio: ratio(rss.ours / rss.baseline),
          target: target(limits.rss),
          pass: judge(rss.ours / rss.baseline, limits.rss),
        },
      )
      const each = (pick: (tool: Tool) => number[], format: (value: number) => string): string =>
        tools.map((tool) => `${labels[tool]} ${spread(pick(tool), format)}`).join('; ')
      const nodeShare = median(size.node) / edit.ours
      details.push(
        `${size.plan.pages} pages (${(size.bytes / 1e6).toFixed(2)} MB of markdown, ${size.images} images, ${size.links.page} links to pages and ${size.links.heading} to headings)${size.plan.judged ? '' : ', reported, not judged'}. Cold build, ${size.plan.coldRounds} round(s)${size.plan.veliteColdRounds ? ` (Velite ${size.plan.veliteColdRounds})` : ''}: ${each((tool) => size.cold[tool].map((build) => build.ms), ms)}. Peak RSS: ${each((tool) => size.cold[tool].map((build) => build.rssKiB), mb)}.`,
        `${size.plan.pages} pages, one word of \`${guide.editPage.path.replace(/^.*\//, '…/')}\` changed, then the same command: ${each((tool) => size.edit[tool], ms)}${size.plan.veliteEditRounds ? ` (Velite ${size.plan.veliteEditRounds} round(s) only: it keeps no cache, its rebuild is a whole build)` : ''}. Node's own start-up and exit (\`node -e ''\`, the same way, alternating): ${spread(size.node, ms)}, ${(nodeShare * 100).toFixed(0)}% of ours' rebuild. Ours' own summary of its last rebuild: \`${size.oursSaid.replace(/`/g, "'")}\`.`,
      )
    }
    rows.push(...watched.rows, imports.row, vite.row)
    const minutes = (performance.now() - started) / 60_000
    return {
      name: 'Guides of many pages',
      rows,
      details: [
        `The same generated mkdocs guide for every tool (\`src/generate-pages.ts\`, seed 1): \`mkdocs.yml\` with a \`nav\` of groups of 10 pages, \`docs/<group>/<page>.md\` of 3–10 kB (frontmatter \`title\`, h1–h3, paragraphs, lists, fenced code, a GFM table, relative links to other pages and to their headings, an image on every 4th page, PNGs made by the generator). Each tool in a project folder of its own in a temp folder (the guide copied in, its configuration, a \`node_modules\` of links), run as \`node <its CLI>\` there, a fresh process each time; the order rotates every round. Wall time on the parent's clock, spawn to exit. Peak RSS: ${rssMethod === 'time' ? 'GNU time `%M`' : '`process.resourceUsage().maxRSS` at exit (a `--import` preload; GNU time is not installed)'}.`,
        `Cold: before each round every tool's output and cache is removed (ours: \`out\` and \`node_modules/.cache/ai-engineer-content\`; Velite: \`.velite\`, \`public\` and its compiled config; content-collections: \`.content-collections\`). Ours: \`ai-engineer-content ${oursCommand().args.slice(1).join(' ')}\`. Velite 0.4: \`velite build\` (\`s.markdown()\`, its GFM and its copying of linked files on, as by default). content-collections 0.15: \`content-collections build\` (\`compileMarkdown\` with remark-gfm, a zod schema). The first build of each tool at each size is checked: every page in its output, its type declarations written; each edit, that the output has the new word.`,
        ...details,
        ...watched.details,
        ...imports.details,
        ...vite.details,
        `The group took ${minutes.toFixed(1)} min.`,
      ],
    }
  } finally {
    await removeTempDir(work)
  }
}

/**
 * Each tool's own watch mode, started in its project: the command, the line it prints
 * once it watches, the line it prints when it sees a save (where it prints one before
 * its watcher is ready: a save it missed is made again), and the line saying it rebuilt.
 */
interface WatchCommand {
  args: string[]
  ready: string
  seen?: RegExp
  rebuilt: RegExp
}

const watchCommands: Record<Tool, () => WatchCommand> = {
  // Ours prints its line once its watcher is ready, and waits 40 ms for the rest of a save.
  ours: () => ({
    args: [...oursCommand().args, '--watch'],
    ready: 'ai-engineer-content: watching ',
    rebuilt: /^ai-engineer-content: built /gm,
  }),
  // `velite dev`: on a save, the saved file loaded again and the others taken as loaded
  // before (in memory), every output written; after 50 ms without a write (chokidar's
  // `awaitWriteFinish`).
  velite: () => ({
    args: [veliteCommand().args[0]!, 'dev'],
    ready: 'watching for changes',
    seen: /rebuilding\.\.\./g,
    rebuilt: /rebuild finished/g,
  }),
  // `content-collections watch`: the changed document transformed again, every output written.
  cc: () => ({
    args: [ccCommand().args[0]!, 'watch'],
    ready: 'start watching',
    seen: /\.\.\. file .* changed/g,
    rebuilt: /finished build of/g,
  }),
}

/** Saves timed under each tool's watch mode at the largest size, after one unrecorded save. */
const watchSaves = { full: 5, quick: 1 }

/**
 * Saves of the edited page under `tool`'s watch mode, in its project (caches warm from
 * the edits), each a new word, timed on the parent's clock from the write to the tool's
 * line saying it rebuilt (the output then checked for the word). The first save is not
 * timed: it warms the rebuild up, and for a tool that says it watches before its watcher
 * is ready, it is made again until the tool says it saw it.
 */
async function watchTimes(
  project: Project,
  guide: GeneratedPages,
  saves: number,
  log: (message: string) => void,
): Promise<{ ms: number[]; said: string }> {
  const watch = watchCommands[project.tool]()
  const file = join(project.dir, 'docs', guide.editPage.path)
  const original = await readFile(file, 'utf8')
  const child = startServer(process.execPath, watch.args, {
    cwd: project.dir,
    env: cleanEnv({ NO_COLOR: '1' }, { measured: true }),
  })
  const count = (pattern: RegExp): number => child.output().match(pattern)?.length ?? 0
  const label = `the watch mode of ${labels[project.tool]}`
  const times: number[] = []
  let said = ''
  // Generous: a tool's first rebuild of the largest guide on a busy machine.
  const rebuild = { timeoutMs: 300_000, intervalMs: 2 }
  try {
    await pollUntil(() => child.output().includes(watch.ready), true, {
      timeoutMs: 300_000,
      intervalMs: 20,
      what: `${label} watching`,
    })
    // Words neither the edit rows nor an earlier save used.
    const word = (save: number): number => 1000 + 100 * tools.indexOf(project.tool) + save
    /** Write the save `save`; then `rebuilt` waits for the tool's line and gives the time. */
    const write = async (save: number) => {
      const before = count(watch.rebuilt)
      const started = performance.now()
      await writeFile(file, editOpening(original, word(save)))
      return async (what: string): Promise<number> => {
        await pollUntil(() => count(watch.rebuilt) > before, true, { ...rebuild, what })
        return performance.now() - started
      }
    }
    // The unrecorded save, made again until the tool says it saw it.
    for (let attempt = 1; ; attempt++) {
      const noticed = watch.seen ? count(watch.seen) : 0
      const rebuilt = await write(0)
      const seen =
        watch.seen === undefined ||
        (await pollUntil(() => count(watch.seen!) > noticed, true, {
          timeoutMs: 5_000,
          intervalMs: 20,
          what: `${label} seeing a save`,
        }).then(
          () => true,
          () => false,
        ))
      if (seen) {
        await rebuilt(`${label} rebuilding after its first save`)
        break
      }
      if (attempt === 5) throw new Error(`guides: ${label} saw none of 5 saves`)
    }
    for (let save = 1; save <= saves; save++) {
      const rebuilt = await write(save)
      times.push(await rebuilt(`${label} rebuilding after save ${save}`))
      await checkOutput(project, guide, editedWord(word(save)))
      said = child.output().trimEnd().split('\n').at(-1) ?? ''
      log(
        `guides: ${guide.pages.length} pages, watch mode, ${labels[project.tool]}, save ${save}: ${ms(times.at(-1)!)}`,
      )
    }
  } finally {
    await child.stop()
    await writeFile(file, original)
  }
  return { ms: times, said }
}

/**
 * The watch rows, reported, not judged: saves under each tool's own watch mode (ours'
 * `build --watch`, `velite dev`, `content-collections watch`), one tool at a time, ours
 * against the same command run again (the edit rows' median) and against the faster of
 * the other two watch modes.
 */
async function watchRows(
  projects: Record<Tool, Project>,
  guide: GeneratedPages,
  size: { plan: Plan; edit: Record<Tool, number[]> },
  quick: boolean,
  log: (message: string) => void,
): Promise<{ rows: Row[]; details: string[] }> {
  const saves = quick ? watchSaves.quick : watchSaves.full
  const watched = {} as Record<Tool, { ms: number[]; said: string }>
  for (const tool of tools) watched[tool] = await watchTimes(projects[tool], guide, saves, log)
  const pages = size.plan.pages
  const again = median(size.edit.ours)
  const ours = median(watched.ours.ms)
  const other = versus({ ours: watched.ours.ms, velite: watched.velite.ms, cc: watched.cc.ms })
  return {
    rows: [
      {
        benchmark: `guides ${pages} pages: one page edited under build --watch, save → written (over the same command again)`,
        ours: ms(ours),
        baseline: `ours ${ms(again)}`,
        ratio: ratio(ours / again),
        target: '—',
        pass: undefined,
      },
      {
        benchmark: `guides ${pages} pages: one page edited under each tool's watch mode, save → rebuilt (over the faster)`,
        ours: ms(ours),
        baseline: `${labels[other.other]} ${ms(other.baseline)}`,
        ratio: ratio(ours / other.baseline),
        target: '—',
        pass: undefined,
      },
    ],
    details: [
      `Watch modes at ${pages} pages, reported, not judged: each tool's own, started in its project after the edit rounds (caches warm), one tool at a time: ours \`ai-engineer-content ${watchCommands.ours().args.slice(1).join(' ')}\`, Velite \`velite dev\`, content-collections \`content-collections watch\`. One unrecorded save each (made again, up to five times, until a tool that says it watches before its watcher is ready says it saw it), then saves of the edited page, each a new word, timed from the write to the tool's own line saying it rebuilt (ours \`ai-engineer-content: built …\`, Velite \`rebuild finished\`, content-collections \`… finished build of …\`), the output then checked for the word. Each tool's own wait for the rest of a save is included: ours 40 ms, Velite 50 ms (chokidar's \`awaitWriteFinish\`), content-collections none. ${tools.map((tool) => `${labels[tool]} ${spread(watched[tool].ms, ms)}`).join('; ')}. Ours' own summary of its last: \`${watched.ours.said.replace(/`/g, "'")}\`.`,
    ],
  }
}

/**
 * The import row: fresh Node processes, alternating, importing ours' built `index.js` and
 * touching every value of its `guideIndex`, against reading the same index as JSON, and an
 * empty script (Node's start-up). Judged on the time from the process's start to the index
 * touched (Node's own clock), as the import-cost benchmark is.
 */
async function importRow(
  ours: Project,
  work: string,
  quick: boolean,
  log: (message: string) => void,
): Promise<{ row: Row; details: string[] }> {
  const index = pathToFileURL(join(ours.dir, 'out/index.js')).href
  const json = join(work, 'guide-index.json')
  // Also (a)'s unrecorded round: the same import, its files read once.
  await run(process.execPath, [join(probes, 'write-guide-index.mjs'), index, json], {
    env: cleanEnv({}, { measured: true }),
  })
  const commands = {
    a: [join(probes, 'import-guide-index.mjs'), index],
    b: [join(probes, 'read-guide-index.mjs'), json],
    e: [join(probes, 'empty.mjs')],
  }
  const names = Object.keys(commands) as (keyof typeof commands)[]
  const samples = { a: [] as number[], b: [] as number[], e: [] as number[] }
  const touched: Partial<Record<keyof typeof commands, number>> = {}
  const env = cleanEnv({}, { measured: true })
  for (const name of ['b', 'e'] as const) await run(process.execPath, commands[name], { env })
  const rounds = quick ? importRounds.quick : importRounds.full
  const started = performance.now()
  let done = 0
  while (done < rounds && (done < 3 || performance.now() - started < importBudgetMs)) {
    const order = names.map((_, at) => names[(at + done) % names.length]!)
    for (const name of order) {
      const finished = await run(process.execPath, commands[name], { env })
      const result = JSON.parse(finished.stdout.trim().split('\n').at(-1)!) as {
        nodes: number
        sinceStartMs: number
      }
      samples[name].push(result.sinceStartMs)
      touched[name] = result.nodes
    }
    done++
  }
  log(
    `guides: import of the index, ${done} round(s): (a) ${ms(median(samples.a))}, (b) ${ms(median(samples.b))}`,
  )
  if (touched.a !== touched.b || !touched.a)
    throw new Error(`guides: the index probes saw different data: ${JSON.stringify(touched)}`)
  assertSane('guides import', samples)
  const value = median(samples.a) / median(samples.b)
  const bytes = (await readFile(json)).length
  return {
    row: {
      benchmark: `guides: import the built index.js (guideIndex), over read+JSON.parse`,
      ours: ms(median(samples.a)),
      baseline: ms(median(samples.b)),
      ratio: ratio(value),
      target: `≤ ${limits.import}×`,
      pass: value <= limits.import,
    },
    details: [
      `Import, at the largest size: (a) a fresh \`node\` importing ours' built \`out/index.js\` and touching every value of \`guideIndex\` (${touched.a} values); (b) reading the same \`guideIndex\` as a JSON file (${(bytes / 1e6).toFixed(2)} MB, written once from (a)'s) and \`JSON.parse\`; (e) an empty script. ${done} round(s) of each, alternating (${importRounds[quick ? 'quick' : 'full']} at most; after 3, no new round starts once ${importBudgetMs / 1000} s have passed), after one unrecorded round (for (a), the import that wrote the JSON file). Time from the process's start to the index touched (\`process.uptime()\`), median (min–max): (a) ${spread(samples.a, ms)}; (b) ${spread(samples.b, ms)}; (e) ${spread(samples.e, ms)}.`,
    ],
  }
}

/**
 * The Vite row: a Vite app with our plugin serving a copy of the guide, one page shown in
 * Chromium, against a stock Slidev deck's dev server; saves alternate between the page's
 * file and the deck's `slides.md`, each timed from the write to the frame after the new
 * word is painted (the dev loop's probe). A page not shown, or a save not painted, within
 * {@link viteLimits} fails the row with that time as a lower bound.
 */
async function viteRow(
  guide: GeneratedPages,
  work: string,
  quick: boolean,
  log: (message: string) => void,
): Promise<{ row: Row; details: string[] }> {
  const app = join(work, 'vite-app')
  await mkdir(join(app, 'src'), { recursive: true })
  await writeFile(join(app, 'package.json'), packageJson('vite-app'))
  await writePages(join(app, 'guide'), guide)
  await linkPackages(app, projectPackages.vite)
  await writeFile(join(app, 'vite.config.mjs'), viteAppConfig)
  await writeFile(join(app, 'index.html'), viteAppHtml)
  await writeFile(join(app, 'src/main.js'), viteAppMain)
  const stockRoot = await writeStockDeck({
    work,
    slides: 20,
    nodeModules,
    favicon: join(talkDir, 'public/favicon.svg'),
  })
  const pageFile = join(app, 'guide/docs', guide.editPage.path)
  const slidesFile = join(stockRoot, 'slides.md')
  const original = {
    page: await readFile(pageFile, 'utf8'),
    slides: await readFile(slidesFile, 'utf8'),
  }
  const slideBox = '#slide-content .slidev-page-1'
  const rounds = quick ? viteEdits.quick : viteEdits.full
  const setup = `a Vite app in a temp folder, \`guides({ dir: 'guide/mkdocs.yml' })\` of \`@ai-engineer/content/vite\`, whose \`src/main.js\` shows one page (\`loadPage(id)\`: its title and text) and accepts the guide module's updates, against the stock Slidev deck of the deck benchmark (20 slides) under \`slidev\` dev, slide 1 open. ${rounds} save(s) of each, alternating, after one unrecorded save of each, 750 ms apart: a word of the page shown (the first of its opening paragraph), and a word of slide 1's heading in \`slides.md\`. Save to the frame after the new word is visible (the dev loop's in-page probe); no page may reload. A page not shown ${viteLimits.showMs / 1000} s after its navigation, or a save not painted in ${viteLimits.saveMs / 1000} s, fails the row.`

  let browser: Browser | undefined
  let slidev: DevServer | undefined
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const spawnedAt = performance.now()
  const vite = startServer(
    process.execPath,
    [
      join(app, 'node_modules/vite/bin/vite.js'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: app, env: cleanEnv({ NO_COLOR: '1' }, { measured: true }) },
  )
  try {
    await waitForUrl(`${origin}/`, { process: vite, timeoutMs: 300_000, intervalMs: 50 })
    const viteStart = performance.now() - spawnedAt
    slidev = await startSlidevDev({
      cwd: stockRoot,
      bin: join(stockRoot, 'node_modules/@slidev/cli/bin/slidev.mjs'),
      entry: 'slides.md',
    })
    log(`guides: Vite app answered in ${ms(viteStart)}; stock Slidev deck at ${slidev.origin}`)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    context.setDefaultTimeout(120_000)
    const deck = await context.newPage()
    await deck.goto(`${slidev.origin}/1`)
    await deck.locator(slideBox).getByText('Slide 1').first().waitFor()
    const guidePage = await context.newPage()
    const loadStarted = performance.now()
    const shown = await guidePage
      .goto(`${origin}/?page=${encodeURIComponent(guide.editPage.id)}`, {
        waitUntil: 'commit',
        timeout: viteLimits.showMs,
      })
      .then(() =>
        guidePage.waitForFunction(
          (title) => document.querySelector('#title')?.textContent === title,
          guide.editPage.title,
          { timeout: Math.max(1, viteLimits.showMs - (performance.now() - loadStarted)) },
        ),
      )
      .then(
        () => true,
        () => false,
      )
    const pageLoad = performance.now() - loadStarted
    const started = `\`vite\` on 127.0.0.1 answered ${ms(viteStart)} after its spawn (it compiles the guide as it starts)`
    if (!shown) {
      log(`guides: the Vite app did not show the page in ${ms(viteLimits.showMs)}`)
      return {
        row: viteFailure(`> ${ms(viteLimits.showMs)} (page not shown)`),
        details: [
          `Vite dev, at the largest size (${guide.pages.length} pages): ${setup}`,
          `${started}; the page was not shown ${ms(viteLimits.showMs)} after its navigation, so no save was timed.`,
        ],
      }
    }
    for (const page of [guidePage, deck]) {
      await page.evaluate(() => Object.assign(window, { benchLive: true }))
    }

    type Edit = 'guide' | 'slides'
    let n = 0
    /** Save, and the time to the new word painted; `undefined` when not painted in time. */
    const measure = async (which: Edit): Promise<number | undefined> => {
      n++
      const [page, selector, text] =
        which === 'guide' ? [guidePage, '#page', editedWord(n)] : [deck, slideBox, `Slide edit${n}`]
      // The page measured is in front: a page behind another gets no animation frames.
      await page.bringToFront()
      await page.evaluate(paintProbe(selector, text))
      if (which === 'guide') await writeFile(pageFile, editOpening(original.page, n))
      else await writeFile(slidesFile, original.slides.replace('# Slide 1\n', `# Slide edit${n}\n`))
      const painted = await page
        .waitForFunction(
          () => (window as { __benchPaint?: { painted?: number } }).__benchPaint?.painted,
          null,
          { timeout: viteLimits.saveMs },
        )
        .then(
          () => true,
          () => false,
        )
      if (!painted) {
        if (which === 'slides')
          throw new Error(
            `guides: "${text}" not shown on ${page.url()} ${ms(viteLimits.saveMs)} after the save\n${slidev!.process.output().slice(-3000)}`,
          )
        return undefined
      }
      const time = await page.evaluate(() => {
        const state = (window as unknown as { __benchPaint: { mark: number; painted: number } })
          .__benchPaint
        if (!(window as { benchLive?: boolean }).benchLive) throw new Error('the page reloaded')
        return state.painted - state.mark
      })
      await new Promise((resolve) => setTimeout(resolve, 750))
      return time
    }

    const samples = { guide: [] as number[], slides: [] as number[] }
    let missed = false
    // One unrecorded save of each: the first update compiles what the next ones reuse.
    missed = (await measure('guide')) === undefined
    await measure('slides')
    for (let round = 0; round < rounds && !missed; round++) {
      const order: Edit[] = round % 2 === 0 ? ['guide', 'slides'] : ['slides', 'guide']
      for (const which of order) {
        const time = await measure(which)
        if (time === undefined) missed = true
        else samples[which].push(time)
      }
      if (!missed)
        log(
          `guides: Vite save ${round + 1}/${rounds} of each: page ${ms(samples.guide.at(-1)!)}, slides.md ${ms(samples.slides.at(-1)!)}`,
        )
    }
    const loaded = `${started}, and the page showed ${ms(pageLoad)} after its navigation`
    if (missed) {
      log(`guides: a save of the page was not painted in ${ms(viteLimits.saveMs)}`)
      return {
        row: viteFailure(
          `> ${ms(viteLimits.saveMs)} (save not painted)`,
          samples.slides.length > 0 ? median(samples.slides) : undefined,
        ),
        details: [
          `Vite dev, at the largest size (${guide.pages.length} pages): ${setup}`,
          `${loaded}. A save of the page was not painted in ${ms(viteLimits.saveMs)}, after ${samples.guide.length} that were (${samples.guide.map(ms).join(', ') || 'none'}); slides.md saves: ${samples.slides.map(ms).join(', ') || 'none recorded'}.`,
        ],
      }
    }
    assertSane('guides vite', samples)
    const value = median(samples.guide) / median(samples.slides)
    return {
      row: {
        benchmark: viteBenchmark,
        ours: ms(median(samples.guide)),
        baseline: ms(median(samples.slides)),
        ratio: ratio(value),
        target: `≤ ${limits.vite}×`,
        pass: value <= limits.vite,
      },
      details: [
        `Vite dev, at the largest size (${guide.pages.length} pages): ${setup}`,
        `${loaded}. Median (min–max): page save → painted ${spread(samples.guide, ms)}; slides.md save → painted ${spread(samples.slides, ms)}.`,
      ],
    }
  } finally {
    await browser?.close()
    await slidev?.process.stop()
    await vite.stop()
  }
}

const viteBenchmark = 'guides: Vite dev, page save → painted (over Slidev slides.md save)'

/** The Vite row when ours did not get there in time: failed, with the limit as a lower bound. */
function viteFailure(ours: string, slides?: number): Row {
  return {
    benchmark: viteBenchmark,
    ours,
    baseline: slides === undefined ? '—' : ms(slides),
    ratio: '—',
    target: `≤ ${limits.vite}×`,
    pass: false,
  }
}

const viteAppConfig = `import { guides } from '@ai-engineer/content/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [guides({ dir: 'guide/mkdocs.yml', dts: false })],
  clearScreen: false,
})
`

const viteAppHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Guide</title>
  </head>
  <body>
    <main id="page"><h1 id="title"></h1><div id="text"></div></main>
    <script type="module" src="/src/main.js"></script>
  </body>
</html>
`

/** The app: the page named by \`?page=\`, its title and its text; the guide's updates re-render it. */
const viteAppMain = `import { loadPage } from 'virtual:guides'

const id = new URLSearchParams(location.search).get('page')
const text = (node) => ('value' in node ? node.value : (node.children ?? []).map(text).join(' '))

async function render(load) {
  const page = await load(id)
  document.querySelector('#title').textContent = page.title
  document.querySelector('#text').textContent = text(page.tree)
}

await render(loadPage)
if (import.meta.hot) {
  import.meta.hot.accept('virtual:guides', (next) => {
    if (next) void render(next.loadPage)
  })
}
`
