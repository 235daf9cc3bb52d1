import { defineConfig } from 'vitest/config'

// The end-to-end tests in real Chromium, as two groups that `pnpm e2e` runs side by side
// (`e2e:dev` and `e2e:built`, one vitest each), each one file at a time:
//
// - `talk-e2e-dev`: the suites that start Slidev's own server (`pnpm dev`, `dev:remote`,
//   `pnpm export`). They share the deck's Vite dependency cache (`node_modules/.vite`)
//   and its declaration file of ids (`types/guide.d.ts`), so they never overlap.
// - `talk-e2e-built`: the suites over a built deck (`pnpm build` first), serving `dist/`
//   or the deck as deployed (under a sub-path, with its QR code), built once for the group
//   by `e2e/deployed-deck.ts`: they only read the decks.
const shared = { testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false }

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'talk-e2e-dev',
          include: ['e2e/live.e2e.ts', 'e2e/remote.e2e.ts', 'e2e/export.e2e.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'talk-e2e-built',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/deployed-deck.ts'],
          exclude: ['e2e/live.e2e.ts', 'e2e/remote.e2e.ts', 'e2e/export.e2e.ts'],
        },
      },
    ],
  },
})
