import { defineConfig } from 'vitest/config'

// The browser test: server-rendered components in Debian's Chromium (`pnpm e2e`,
// after `pnpm build`).
export default defineConfig({
  test: {
    name: 'components-e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
