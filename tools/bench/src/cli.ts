/**
 * `pnpm bench`: run every benchmark, print the table and the medians behind
 * it, and write the same markdown to a file outside the repository.
 *
 *   tsx src/cli.ts [--check] [--quick] [--only=import,pipeline,deck,size,builds,devloop,coldstart,guides,site] [--out=FILE] [name…]
 *
 * --check  exit 1 when a target is missed (`pnpm bench` passes it)
 * --quick  small sizes, few rounds: checks the benchmarks work, judges nothing
 * --only   run some benchmarks (comma-separated names); bare names do the same
 * --out    where to write the markdown (default: <tmpdir>/ai-engineer-bench/latest.md)
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchmarks } from './benchmarks.ts'
import { stopChildren } from './processes.ts'
import { renderMarkdown, type Result } from './report.ts'

const { values, positionals } = parseArgs({
  // `pnpm bench -- --out=FILE` passes the `--` on: options after it are still options.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  // Benchmark names may also come bare: `pnpm bench guides` appends them to the script.
  allowPositionals: true,
  options: {
    check: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(tmpdir(), 'ai-engineer-bench', 'latest.md') },
  },
})
const asked = [...(values.only?.split(',') ?? []), ...positionals]
  .map((name) => name.trim())
  .filter(Boolean)
const names = asked.length > 0 ? [...new Set(asked)] : Object.keys(benchmarks)
const unknown = names.filter((name) => !(name in benchmarks))
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`,
  )
  process.exit(2)
}

// Interrupted: stop the probes, builds and servers we started, by their PIDs.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopChildren()
    process.exit(130)
  })
}

const started = performance.now()
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')
const log = (message: string): void => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4)
  process.stderr.write(`[bench ${seconds}s] ${message}\n`)
}
const loadBefore = load()
log(`${values.quick ? 'quick' : 'full'} run of ${names.join(', ')}; load average ${loadBefore}`)

const results: Result[] = []
let failed = false
for (const name of names) {
  try {
    results.push(await benchmarks[name]!({ quick: values.quick, log }))
  } catch (error) {
    failed = true
    const message = error instanceof Error ? error.message : String(error)
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`)
    results.push({
      name,
      rows: [
        { benchmark: name, ours: 'error', baseline: '—', ratio: '—', target: 'runs', pass: false },
      ],
      details: [`Error: ${message.split('\n')[0]}`],
    })
  }
}

if (values.quick) {
  // Quick mode checks that the benchmarks run; their numbers prove nothing.
  for (const row of results.flatMap((result) => result.rows)) {
    if (row.ours !== 'error') row.pass = undefined
  }
}
const missed = results.flatMap((result) => result.rows).filter((row) => row.pass === false)
const header = [
  `# Benchmarks (${values.quick ? 'quick mode: targets not judged' : 'full run'})`,
  '',
  `${new Date().toISOString()}, Node ${process.version}, ${availableParallelism()} cores, load average (1, 5, 15 min) ${loadBefore} at the start, ${load()} at the end; ${((performance.now() - started) / 60_000).toFixed(1)} min. Each ratio is the one its row names (X over Y = X / Y; otherwise ours / baseline); compare ratios, not absolute times, on a busy machine.`,
  '',
]
const markdown = renderMarkdown(results, header)
process.stdout.write(markdown)
await mkdir(dirname(values.out), { recursive: true })
await writeFile(values.out, markdown)
log(`written to ${values.out}`)
if (missed.length > 0) log(`targets missed: ${missed.map((row) => row.benchmark).join('; ')}`)
if (failed || (values.check && missed.length > 0)) process.exitCode = 1
