import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// Tests import the built package by its name: build first (turbo does).
export default mergeConfig(
  shared,
  defineProject({ test: { name: 'components', environment: 'happy-dom' } }),
)
