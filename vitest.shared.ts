import { defineProject } from 'vitest/config'

/** What every package's vitest project shares. */
export const shared = defineProject({
  test: {
    include: ['test/**/*.test.ts'],
    // A bound to catch hangs, not a timing: some tests run tsc, attw or a whole-guide
    // parse, and CI runs them on 2 cores beside other tasks.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
