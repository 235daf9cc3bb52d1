/** Waiting on a state, read again and again: never on time alone. */
import { isDeepStrictEqual, inspect } from 'node:util'

export interface PollOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number
  /** Read again after this long (default 100 ms). */
  intervalMs?: number
  /** What is awaited, for the error (default: `the state`). */
  what?: string
}

/**
 * Resolves with the first value of `read()` that equals `expected` (deep equality), or,
 * when `expected` is a function, that it accepts. A read that throws counts as "not yet":
 * a page between two documents, a file not written yet. Rejects after `timeoutMs` with
 * the last value read (or the last error). For `beforeAll` and `afterAll`, where
 * vitest's `expect.poll` is not available.
 */
export async function pollUntil<T>(
  read: () => T | Promise<T>,
  expected: T | ((value: T) => boolean),
  { timeoutMs = 15_000, intervalMs = 100, what = 'the state' }: PollOptions = {},
): Promise<T> {
  const accepts =
    typeof expected === 'function'
      ? (expected as (value: T) => boolean)
      : (value: T) => isDeepStrictEqual(value, expected)
  const deadline = performance.now() + timeoutMs
  let last: string
  for (;;) {
    try {
      const value = await read()
      if (accepts(value)) return value
      last = `last read ${inspect(value, { depth: 4, breakLength: Infinity })}`
    } catch (error) {
      last = `last read failed: ${error instanceof Error ? error.message : String(error)}`
    }
    if (performance.now() >= deadline) {
      const wanted =
        typeof expected === 'function'
          ? ''
          : ` (${inspect(expected, { depth: 4, breakLength: Infinity })})`
      throw new Error(`${what}${wanted} not reached in ${timeoutMs} ms; ${last}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
