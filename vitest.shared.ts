import { defineProject } from 'vitest/config'

/** What every package's vitest project shares. */
export const shared = defineProject({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-document and browser tests parse and render a lot: give slow machines room.
    testTimeout: 30_000,
  },
})
