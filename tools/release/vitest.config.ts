import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// The fast checks (`pnpm test`): versioning, tarballs, publint, attw, workflows.
// The publish round trip has its own config: vitest.e2e.config.ts (`pnpm e2e`).
export default mergeConfig(
  shared,
  defineProject({ test: { name: 'release', globalSetup: ['test/pack.setup.ts'] } }),
)
