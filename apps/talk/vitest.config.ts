import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// Unit tests: the deck's coverage of the guide, the preparser, the type-check of ids.
// The browser e2e has its own config (vitest.e2e.config.ts, `pnpm e2e`).
export default mergeConfig(shared, defineProject({ test: { name: 'talk' } }))
