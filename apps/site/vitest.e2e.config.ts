import { defineConfig } from 'vitest/config'

// The site in real Chromium, over built sites only (no dev server): the guide this
// repository ships as `pnpm build` makes it (`dist/`), and a guide of many pages built
// under a sub-path once for every suite by `e2e/fixture-site.ts`.
export default defineConfig({
  test: {
    name: 'site-e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/fixture-site.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
