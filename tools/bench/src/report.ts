/**
 * What every benchmark hands back: rows of the table, the medians behind each
 * ratio, and notes. Plus the statistics and formatting they share.
 */

/** One row of the results table. */
export interface Row {
  benchmark: string
  ours: string
  baseline: string
  ratio: string
  /** The target, as printed (`≤ 1.5×`), or `—` for a row that is information only. */
  target: string
  /** Whether the target is met; `undefined` for information only. */
  pass: boolean | undefined
}

/** A benchmark's result. */
export interface Result {
  name: string
  rows: Row[]
  /** The measurements behind the rows: medians, spreads, counts. Markdown list items. */
  details: string[]
}

/** The options every benchmark takes. */
export interface BenchOptions {
  /** Small sizes and few rounds: checks that the benchmark works, judges nothing. */
  quick: boolean
  /** Progress lines for long work (stderr). */
  log: (message: string) => void
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** `median (min–max, n=…)`, formatted with `format`. */
export function spread(values: readonly number[], format: (value: number) => string): string {
  const min = Math.min(...values)
  const max = Math.max(...values)
  return `${format(median(values))} (${format(min)}–${format(max)}, n=${values.length})`
}

export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`
  if (value >= 100) return `${value.toFixed(0)} ms`
  if (value >= 10) return `${value.toFixed(1)} ms`
  return `${value.toFixed(2)} ms`
}

export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`
}

export function ratio(value: number): string {
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`
}

/** Every number a benchmark reports must be finite and not negative. */
export function assertSane(name: string, values: Record<string, number | readonly number[]>): void {
  for (const [key, value] of Object.entries(values)) {
    for (const number of Array.isArray(value) ? value : [value as number]) {
      if (!Number.isFinite(number) || number < 0) {
        throw new Error(`${name}: ${key} is ${number}, not a finite non-negative number`)
      }
    }
  }
}

/** The results as a markdown table, then the details of each benchmark. */
export function renderMarkdown(results: readonly Result[], header: string[] = []): string {
  const rows = results.flatMap((result) => result.rows)
  const cells = [
    ['benchmark', 'ours', 'baseline', 'ratio', 'target', 'pass'],
    ...rows.map((row) => [
      row.benchmark,
      row.ours,
      row.baseline,
      row.ratio,
      row.target,
      row.pass === undefined ? '—' : row.pass ? 'yes' : '**NO**',
    ]),
  ]
  const widths = cells[0]!.map((_, column) =>
    Math.max(3, ...cells.map((line) => [...line[column]!].length)),
  )
  const line = (values: string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(' | ')} |`
  const table = [
    line(cells[0]!),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...cells.slice(1).map(line),
  ]
  const details = results.flatMap((result) => [
    '',
    `### ${result.name}`,
    '',
    ...result.details.map((item) => `- ${item}`),
  ])
  return [...header, ...table, ...details, ''].join('\n')
}
