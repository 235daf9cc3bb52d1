import { defineConfig } from 'vitest/config'

// The end-to-end test: real Chromium over the built deck (`pnpm build` first).
export default defineConfig({
  test: {
    name: 'talk-e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
