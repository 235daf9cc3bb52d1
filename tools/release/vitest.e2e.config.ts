import { defineProject } from 'vitest/config'

// The publish round trip (`pnpm e2e`): one file, steps in order, each may take a while.
export default defineProject({
  test: {
    name: 'release-e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
})
