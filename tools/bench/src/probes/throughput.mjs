// Pipeline throughput on one input, in one process: `parseGuide` and bare
// unified + remark-parse + remark-gfm (parse, then run), alternating, after a
// warm-up of both. Progress goes to stderr; the result, one JSON line, to stdout.
//
//   node --expose-gc throughput.mjs '{"file":…,"warmup":…,"rounds":3,"label":"1 MB"}'
//
// `"only":"ours"` runs one of the two; `"bareRounds":N` runs bare remark in the first N
// rounds only (it is the slow one at 10 MB), ours in every round.
import { readFileSync } from 'node:fs'
import { parseGuide } from '@ai-engineer/content/parse'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

const { file, warmup, rounds, label, only, bareRounds = rounds } = JSON.parse(process.argv[2])
const markdown = readFileSync(file, 'utf8')
const options = { path: 'bench.md', maxBytes: 1024 * 1024 * 1024 }
const bare = unified().use(remarkParse).use(remarkGfm).freeze()

const pipelines = {
  ours: async (input) => (await parseGuide(input, options)).tree,
  bare: async (input) => bare.run(bare.parse(input)),
}

/** Node counts by type, to check that both did the work and ours kept its promises. */
function countTypes(tree) {
  const counts = {}
  const stack = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    counts[node.type] = (counts[node.type] ?? 0) + 1
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return counts
}

const warmupInput = readFileSync(warmup, 'utf8')
for (let index = 0; index < 3; index++) {
  for (const run of Object.values(pipelines)) await run(warmupInput)
}

const times = { ours: [], bare: [] }
// CPU time (user + system) of the process during each run: all threads, so GC
// helpers count; a cross-check of wall time that a busy machine disturbs less.
const cpu = { ours: [], bare: [] }
const counts = {}
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours']
  const names = order.filter(
    (name) => (only === undefined || name === only) && (name === 'ours' || round < bareRounds),
  )
  for (const name of names) {
    globalThis.gc?.()
    const startedCpu = process.cpuUsage()
    const started = performance.now()
    const tree = await pipelines[name](markdown)
    const ms = performance.now() - started
    const { user, system } = process.cpuUsage(startedCpu)
    times[name].push(ms)
    cpu[name].push((user + system) / 1000)
    if (round === 0) counts[name] = countTypes(tree)
    process.stderr.write(
      `  ${label}: ${name} ${(ms / 1000).toFixed(2)} s (round ${round + 1}/${rounds})\n`,
    )
  }
}
process.stdout.write(`${JSON.stringify({ times, cpu, counts })}\n`)
