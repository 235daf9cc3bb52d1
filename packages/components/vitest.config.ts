import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// Tests import the built package by its name: build first (turbo does).
// `isolate: false`: each worker keeps Vue, the built package and happy-dom loaded from one
// test file to the next instead of loading them again for each; no test here depends on
// a module's fresh state.
export default mergeConfig(
  shared,
  defineProject({ test: { name: 'components', environment: 'happy-dom', isolate: false } }),
)
