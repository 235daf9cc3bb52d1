/**
 * 2. Pipeline throughput: `parseGuide` against bare unified + remark-parse +
 * remark-gfm (parse, then run) on generated guides of ~10 kB, 100 kB, 1 MB and
 * 10 MB, alternating in one process per size. Targets: ours ≤ 1.5× bare at
 * every size; ours grows linearly (10× the input in ≤ 12× the time).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateGuide, type GuideCounts } from './generate-guide.ts'
import { cleanEnv, makeTempDir, removeTempDir, run } from './processes.ts'
import { assertSane, median, ms, ratio, spread, type BenchOptions, type Result } from './report.ts'

const probe = fileURLToPath(new URL('probes/throughput.mjs', import.meta.url))

/**
 * The sizes and rounds of a run. Bare remark takes minutes at 10 MB: one round of it
 * there, and three of ours, so that the growth from 1 MB compares medians of three.
 */
export const plans: Record<
  'full' | 'quick',
  { label: string; bytes: number; rounds: number; bareRounds?: number }[]
> = {
  full: [
    { label: '10 kB', bytes: 10_000, rounds: 21 },
    { label: '100 kB', bytes: 100_000, rounds: 15 },
    { label: '1 MB', bytes: 1_000_000, rounds: 3 },
    { label: '10 MB', bytes: 10_000_000, rounds: 3, bareRounds: 1 },
  ],
  quick: [
    { label: '10 kB', bytes: 10_000, rounds: 3 },
    { label: '100 kB', bytes: 100_000, rounds: 1 },
  ],
}

/**
 * Also the largest size with a reference link in every part to one definition
 * at the end, ours only, one run: what a reference spanning sections costs.
 */
const referenceSize = { full: plans.full.at(-1)!, quick: plans.quick.at(-1)! }

interface SizeResult {
  label: string
  bytes: number
  ours: number[]
  bare: number[]
  cpu: { ours: number[]; bare: number[] }
}

export async function pipelineThroughput({ quick, log }: BenchOptions): Promise<Result> {
  const plan = quick ? plans.quick : plans.full
  const dir = await makeTempDir('pipeline')
  try {
    // Warm-up input: more than two of the parser's 64 KiB chunks, so the chunked path that
    // `parseGuide` takes on long guides is as warm as bare remark's one path at every size.
    const warmup = join(dir, 'warmup.md')
    await writeFile(warmup, generateGuide(150_000).markdown)
    const measure = async (
      label: string,
      bytes: number,
      rounds: number,
      references: boolean,
      bareRounds = rounds,
    ): Promise<SizeResult> => {
      const guide = generateGuide(bytes, { references })
      const file = join(dir, `guide-${bytes}${references ? '-references' : ''}.md`)
      await writeFile(file, guide.markdown)
      log(`pipeline: ${label} (${guide.bytes} bytes, ${guide.parts} parts), ${rounds} round(s)`)
      const finished = await run(
        process.execPath,
        // A heap for the 10 MB trees; `gc()` between runs so one run's garbage is not the next one's pause.
        [
          '--expose-gc',
          '--max-old-space-size=8192',
          probe,
          JSON.stringify({
            file,
            warmup,
            rounds,
            bareRounds,
            label,
            ...(references ? { only: 'ours' } : {}),
          }),
        ],
        {
          env: cleanEnv({}, { measured: true }),
          onStderr: (text) => log(text.trimEnd().replace(/^\s+/gm, 'pipeline: ')),
        },
      )
      const result = JSON.parse(finished.stdout.trim().split('\n').at(-1)!) as {
        times: { ours: number[]; bare: number[] }
        cpu: { ours: number[]; bare: number[] }
        counts: { ours: Record<string, number>; bare?: Record<string, number> }
      }
      checkCounts(label, guide.expect, result.counts.ours)
      if (result.counts.bare && result.counts.bare.paragraph !== result.counts.ours.paragraph) {
        throw new Error(`pipeline ${label}: bare and ours found different paragraphs`)
      }
      assertSane(`pipeline ${label}`, {
        ...result.times,
        cpuOurs: result.cpu.ours,
        cpuBare: result.cpu.bare,
      })
      return { label, bytes: guide.bytes, ...result.times, cpu: result.cpu }
    }

    const sizes: SizeResult[] = []
    for (const { label, bytes, rounds, bareRounds } of plan)
      sizes.push(await measure(label, bytes, rounds, false, bareRounds))
    const largest = sizes.at(-1)!
    const reference = quick ? referenceSize.quick : referenceSize.full
    const withReferences = await measure(
      `${reference.label} with references`,
      reference.bytes,
      1,
      true,
    )

    const mbps = (bytes: number, time: number): string =>
      `${(bytes / 1e6 / (time / 1000)).toFixed(2)} MB/s`
    const rows: Result['rows'] = sizes.map(({ label, bytes, ours, bare }) => {
      const value = median(ours) / median(bare)
      return {
        benchmark: `pipeline ${label}: parseGuide / bare remark`,
        ours: `${ms(median(ours))}, ${mbps(bytes, median(ours))}`,
        baseline: `${ms(median(bare))}, ${mbps(bytes, median(bare))}`,
        ratio: ratio(value),
        target: '≤ 1.5×',
        pass: value <= 1.5,
      }
    })
    const growth: string[] = []
    for (let index = 1; index < sizes.length; index++) {
      const small = sizes[index - 1]!
      const big = sizes[index]!
      const inputs = big.bytes / small.bytes
      const ours = median(big.ours) / median(small.ours)
      const bare = median(big.bare) / median(small.bare)
      // The target is 12× time for 10× input: scale it to the sizes' exact ratio.
      const limit = 1.2 * inputs
      rows.push({
        benchmark: `pipeline linearity ${small.label} → ${big.label} (ours)`,
        ours: `${ratio(ours)} time`,
        baseline: `bare: ${ratio(bare)}`,
        ratio: `${ratio(inputs)} input`,
        target: `≤ ${ratio(limit)}`,
        pass: ours <= limit,
      })
      growth.push(
        `${small.label} → ${big.label}: input ${ratio(inputs)}, ours ${ratio(ours)}, bare ${ratio(bare)}`,
      )
    }
    const referenceRatio = median(withReferences.ours) / median(largest.ours)
    rows.push({
      benchmark: `pipeline ${reference.label}, a reference spanning sections (ours)`,
      ours: ms(median(withReferences.ours)),
      baseline: `without: ${ms(median(largest.ours))}`,
      ratio: ratio(referenceRatio),
      target: '—',
      pass: undefined,
    })
    return {
      name: 'Pipeline throughput',
      rows,
      details: [
        'Generated from `guide/intro.md`: its text repeated as numbered parts (own heading, a varied emoji, an inline link), frontmatter-free, joined by `<hr>`. The tree of each size is checked: sections, figures, emoji, links as generated, no reference left unresolved.',
        'Both pipelines in one process per size, alternating (ours first on even rounds), after 3 warm-up runs of each on 150 kB (so the chunked path that `parseGuide` takes from 64 KiB on is warm too), `gc()` before every run; at 10 MB bare remark runs in the first round only (it takes minutes there), ours in every round. Judged on wall time of parse + run (`parseGuide` also checks and builds the page), the time a caller waits, so that using both cores counts; CPU time (all threads) is the cross-check that a busy machine disturbs less.',
        ...sizes.map(
          ({ label, bytes, ours, bare, cpu }) =>
            `${label} (${bytes} bytes): wall ours ${spread(ours, ms)}; bare ${spread(bare, ms)}. CPU ours ${ms(median(cpu.ours))}, bare ${ms(median(cpu.bare))}: ${ratio(median(cpu.ours) / median(cpu.bare))}`,
        ),
        `Growth between sizes (linear = the input ratio): ${growth.join('; ') || 'one size only'}.`,
        `Not judged (the guide has no reference definitions): ${reference.label} with a reference link in every part to one definition at the very end, ours only, one run: ${ms(median(withReferences.ours))}, against ${ms(median(largest.ours))} without (a different process, not alternated): ${ratio(referenceRatio)}.`,
      ],
    }
  } finally {
    await removeTempDir(dir)
  }
}

function checkCounts(label: string, expect: GuideCounts, counts: Record<string, number>): void {
  const got: GuideCounts = {
    sections: counts.section ?? 0,
    figures: counts.figure ?? 0,
    emoji: counts.emoji ?? 0,
    links: counts.link ?? 0,
    linkReferences: counts.linkReference ?? 0,
  }
  if (JSON.stringify(got) !== JSON.stringify(expect)) {
    throw new Error(
      `pipeline ${label}: parseGuide's tree is not what was generated: expected ${JSON.stringify(expect)}, got ${JSON.stringify(got)}`,
    )
  }
}
