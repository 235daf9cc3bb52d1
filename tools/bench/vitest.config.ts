import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// The quick mode of every benchmark but the site's (`pnpm test`): each one runs and reports sane
// numbers. Nothing here judges a target; `pnpm bench` does, on the full run.
export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'bench',
      // A stock Slidev build and a copy of the repository with two turbo builds: minutes on a busy machine.
      testTimeout: 900_000,
      // One benchmark at a time: they would time each other on two cores.
      fileParallelism: false,
    },
  }),
)
