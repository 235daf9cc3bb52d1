import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'remote-cache',
      // Builds whole clones of the repository: minutes, not seconds.
      testTimeout: 600_000,
      hookTimeout: 300_000,
    },
  }),
)
