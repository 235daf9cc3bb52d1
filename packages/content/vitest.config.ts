import { defineProject, mergeConfig } from 'vitest/config'
import { shared } from '../../vitest.shared.ts'

// `isolate: false`: each worker keeps the modules it has loaded (unified, remark, the
// node registry) from one test file to the next instead of loading them again for each;
// no test here depends on a module's fresh state.
export default mergeConfig(shared, defineProject({ test: { name: 'content', isolate: false } }))
