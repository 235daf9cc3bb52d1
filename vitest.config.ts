import { defineConfig } from 'vitest/config'

// One root config over every package's project: `pnpm vitest` at the root runs them
// all; turbo runs each package's own `vitest run` so results are cached per package.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tools/*'],
  },
})
