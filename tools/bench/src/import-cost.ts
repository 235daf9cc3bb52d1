/**
 * 1. Import cost, in fresh Node processes, alternating:
 *    (a) `import('@ai-engineer/content')` and touch the tree;
 *    (b) the floor: read and `JSON.parse` a file holding the same data, touch the tree;
 *    (c) import `@ai-engineer/content/parse` and parse the guide's markdown;
 *    (e) an empty script: Node's own start-up.
 * Targets: a/b ≤ 1.5, c/a ≥ 5, judged on the time from the process's start to the tree
 * touched (start-up included), on Node's own clock. Also: which modules (a) loads (none
 * from unified, micromark or mdast-util-from-markdown).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { guide } from '@ai-engineer/content'
import { repoRoot } from './builds.ts'
import { cleanEnv, makeTempDir, removeTempDir, run } from './processes.ts'
import { assertSane, median, ms, ratio, spread, type BenchOptions, type Result } from './report.ts'

const probes = fileURLToPath(new URL('probes/', import.meta.url))

/** Modules that mean a parser was loaded. */
export const parserModules = /\/node_modules\/(unified|micromark[^/]*|mdast-util-from-markdown)\//

interface Sample {
  /** From the process's start to the tree touched, on Node's clock: what the targets judge. */
  sinceStart: number
  /** Spawn to exit, measured by the parent. */
  wall: number
  /** The import (or read), parse and touch, measured inside the probe. */
  inProcess: number
  /** CPU time of the whole probe process, start-up included. */
  cpu: number
}

type ProbeName = 'a' | 'b' | 'c' | 'e'

export async function importCost({ quick, log }: BenchOptions): Promise<Result> {
  const rounds = quick ? 3 : 60
  const dir = await makeTempDir('import')
  try {
    // The same data as the package's compiled module holds, as a plain JSON file.
    const json = join(dir, 'guide.json')
    const data = {
      title: guide.title,
      nav: guide.nav,
      pages: guide.pages.map(({ id, path, title, prev, next, source, author, tree }) => ({
        id,
        path,
        title,
        ...(prev ? { prev } : {}),
        ...(next ? { next } : {}),
        ...(source ? { source } : {}),
        ...(author ? { author } : {}),
        tree,
      })),
    }
    await writeFile(json, JSON.stringify(data))

    const commands: Record<ProbeName, string[]> = {
      a: [join(probes, 'import-content.mjs')],
      b: [join(probes, 'read-json.mjs'), json],
      c: [join(probes, 'parse-guide.mjs')],
      e: [join(probes, 'empty.mjs')],
    }
    const names = Object.keys(commands) as ProbeName[]
    const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<
      ProbeName,
      Sample[]
    >
    const nodes: Partial<Record<ProbeName, number>> = {}
    const env = cleanEnv({}, { measured: true })
    // One warm-up round (file cache), not recorded.
    for (const name of names) await run(process.execPath, commands[name], { env })
    for (let round = 0; round < rounds; round++) {
      // Rotate the order every round so no probe always runs first or last.
      const order = names.map((_, index) => names[(index + round) % names.length]!)
      for (const name of order) {
        const finished = await run(process.execPath, commands[name], { env })
        const result = JSON.parse(finished.stdout.trim().split('\n').at(-1)!) as {
          ms: number
          nodes: number
          sinceStartMs: number
          cpuMs: number
        }
        samples[name].push({
          sinceStart: result.sinceStartMs,
          wall: finished.ms,
          inProcess: result.ms,
          cpu: result.cpuMs,
        })
        nodes[name] = result.nodes
      }
      if ((round + 1) % 10 === 0 || round + 1 === rounds)
        log(`import cost: round ${round + 1}/${rounds}`)
    }
    if (nodes.a !== nodes.b || nodes.a !== nodes.c || !nodes.a) {
      throw new Error(`import cost: the probes saw different trees: ${JSON.stringify(nodes)}`)
    }

    log('import cost: recording the modules (a) and (c) load')
    const loaded = {
      a: await modulesLoaded(commands.a, join(dir, 'modules-a.txt')),
      c: await modulesLoaded(commands.c, join(dir, 'modules-c.txt')),
    }
    const forbidden = loaded.a.filter((url) => parserModules.test(url))
    // The hook must see a parser when one is loaded, or the check above proves nothing.
    const parserInC = loaded.c.filter((url) => parserModules.test(url)).length
    if (parserInC === 0) throw new Error('import cost: the module hook saw no parser in (c)')

    const med = (name: ProbeName, key: keyof Sample): number =>
      median(samples[name].map((sample) => sample[key]))
    for (const name of names) {
      assertSane(`import cost (${name})`, {
        sinceStart: samples[name].map((s) => s.sinceStart),
        wall: samples[name].map((s) => s.wall),
        inProcess: samples[name].map((s) => s.inProcess),
        cpu: samples[name].map((s) => s.cpu),
      })
    }
    const over = (x: ProbeName, y: ProbeName, key: keyof Sample): string =>
      ratio(med(x, key) / med(y, key))
    // Each probe's wall time over the empty probe's of the same round: what the import
    // (or read, or parse) adds to a process, Node's own start-up and exit taken out.
    const net = (name: ProbeName): number[] =>
      samples[name].map((sample, round) => sample.wall - samples.e[round]!.wall)
    const netMedian = (name: ProbeName): number => median(net(name))
    const ab = med('a', 'sinceStart') / med('b', 'sinceStart')
    const ca = med('c', 'sinceStart') / med('a', 'sinceStart')
    const list = (name: ProbeName, key: keyof Sample): string =>
      spread(
        samples[name].map((sample) => sample[key]),
        ms,
      )
    const repoUrl = pathToFileURL(repoRoot).href
    const short = (url: string): string => {
      const local = url.replace(/^file:\/\/.*\/node_modules\/(?!.*\/node_modules\/)/, '')
      return local.startsWith(repoUrl) ? local.slice(repoUrl.length) : local
    }

    return {
      name: 'Import cost',
      rows: [
        {
          benchmark: 'import: (a) import content, over (b) read+JSON.parse',
          ours: ms(med('a', 'sinceStart')),
          baseline: ms(med('b', 'sinceStart')),
          ratio: ratio(ab),
          target: '≤ 1.5×',
          pass: ab <= 1.5,
        },
        {
          benchmark: 'import: (c) import /parse + parse, over (a)',
          ours: ms(med('a', 'sinceStart')),
          baseline: ms(med('c', 'sinceStart')),
          ratio: ratio(ca),
          target: '≥ 5×',
          pass: ca >= 5,
        },
        {
          benchmark: 'import: modules (a) loads; parser modules among them',
          ours: `${loaded.a.length}; ${forbidden.length}`,
          baseline: `(c): ${loaded.c.length}; ${parserInC}`,
          ratio: '—',
          target: '0 parser modules',
          pass: forbidden.length === 0,
        },
      ],
      details: [
        `Judged on the time from the process's start to the tree touched, start-up included: \`process.uptime()\` read by the probe once it holds the guide (Node's own clock, which starts as the process does). Median of ${rounds} fresh processes each, alternating (the order rotates every round), after one unrecorded warm-up round. Why this clock: the claim is what a process pays to get the guide. The parent's spawn (before the process exists) and the process's exit (after it holds the guide) are not part of that, and the parent's clock adds both to every probe, which pulls every ratio towards 1. Why start-up stays in: in-process, (a) is mostly Node's one-time cost of resolving a first package (a few ms, whatever the package), against a file read for (b).`,
        `Since start, median (min–max): (a) ${list('a', 'sinceStart')}; (b) ${list('b', 'sinceStart')}; (c) ${list('c', 'sinceStart')}; (e) empty script ${list('e', 'sinceStart')}. (c) over (e), the ratio c/a would read if importing the guide cost nothing: ${over('c', 'e', 'sinceStart')}.`,
        `Spawn to exit, on the parent's clock, median (min–max): (a) ${list('a', 'wall')}; (b) ${list('b', 'wall')}; (c) ${list('c', 'wall')}; (e) ${list('e', 'wall')}. Ratios: a/b ${over('a', 'b', 'wall')}, c/a ${over('c', 'a', 'wall')}; (c) over (e) ${over('c', 'e', 'wall')}.`,
        `Net of start-up (each probe's spawn-to-exit time minus the empty probe's of the same round), median (min–max): (a) ${spread(net('a'), ms)}; (b) ${spread(net('b'), ms)}; (c) ${spread(net('c'), ms)}. Ratios: a/b ${netMedian('b') > 0 ? ratio(netMedian('a') / netMedian('b')) : 'none (the floor adds nothing measurable over the empty script)'}, c/a ${ratio(netMedian('c') / netMedian('a'))}.`,
        `In-process (import or read, parse, touch every node), median: (a) ${ms(med('a', 'inProcess'))}; (b) ${ms(med('b', 'inProcess'))}; (c) ${ms(med('c', 'inProcess'))}. Ratios: a/b ${over('a', 'b', 'inProcess')}, c/a ${over('c', 'a', 'inProcess')}.`,
        `CPU time of the whole process (user + system, every thread, start-up included), median: (a) ${ms(med('a', 'cpu'))}; (b) ${ms(med('b', 'cpu'))}; (c) ${ms(med('c', 'cpu'))}; (e) ${ms(med('e', 'cpu'))}. Ratios: a/b ${over('a', 'b', 'cpu')}, c/a ${over('c', 'a', 'cpu')}.`,
        `Every probe touched the same ${nodes.a} nodes. Probes run with \`NODE_OPTIONS\` and \`NODE_EXTRA_CA_CERTS\` removed from the environment (the latter parses a certificate bundle at every start-up), and report with one \`writeSync\` to stdout, so neither the \`performance\` global nor a stdout stream is built in any of them.`,
        `Modules (a) loads (module.register resolve hook via \`node --import\`, probe files excluded): ${loaded.a.map(short).join(', ')}. Parser modules (unified, micromark*, mdast-util-from-markdown): ${forbidden.length === 0 ? 'none' : forbidden.map(short).join(', ')}. For contrast (c) loads ${loaded.c.length} modules, ${parserInC} of them parser modules.`,
      ],
    }
  } finally {
    await removeTempDir(dir)
  }
}

/** The modules a probe resolves: file URLs outside the probes folder, each once. */
async function modulesLoaded(command: string[], file: string): Promise<string[]> {
  await run(process.execPath, ['--import', join(probes, 'register-hooks.mjs'), ...command], {
    env: cleanEnv({ BENCH_MODULES_FILE: file }, { measured: true }),
  })
  const lines = (await readFile(file, 'utf8')).split('\n')
  const probesUrl = new URL('probes/', import.meta.url).href
  return [...new Set(lines.filter((url) => url.startsWith('file:') && !url.startsWith(probesUrl)))]
}
