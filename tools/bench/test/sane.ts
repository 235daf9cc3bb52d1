import { expect } from 'vitest'
import type { Result } from '../src/report.ts'

/** A result is sane: named rows with every column filled, and details behind them. */
export function expectSaneResult(result: Result, rows: number): void {
  expect(result.rows).toHaveLength(rows)
  for (const row of result.rows) {
    for (const column of ['benchmark', 'ours', 'baseline', 'ratio', 'target'] as const) {
      expect(row[column], `${row.benchmark}: ${column}`).toMatch(/\S/)
    }
    expect(row.ours).not.toMatch(/NaN|Infinity|undefined|error/)
    expect(row.ratio).not.toMatch(/NaN|Infinity/)
  }
  expect(result.details.length).toBeGreaterThan(0)
  for (const detail of result.details) expect(detail).not.toMatch(/NaN|Infinity|undefined/)
}

export const quiet = { quick: true, log: () => {} }
