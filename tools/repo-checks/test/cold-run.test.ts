import { describe, expect, it } from 'vitest'
import { ignoredOutsideNodeModules, suiteCounts } from '../src/cold-run.ts'
import { taskTimes } from '../src/task-times.ts'

describe('the cold run', () => {
  it("should read each e2e suite's test counts from turbo's output, one line a script", () => {
    const output = [
      '@ai-engineer/content:e2e: \u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m177 passed\u001b[39m\u001b[22m (177)',
      '@ai-engineer/talk:e2e: . e2e:built:       Tests  19 passed (19)',
      '@ai-engineer/talk:e2e: . e2e:dev:       Tests  1 failed | 11 passed | 2 skipped (14)',
      '@ai-engineer/talk:test:       Tests  19 passed (19)',
    ].join('\n')
    expect(suiteCounts(output)).toEqual([
      { task: '@ai-engineer/content:e2e', passed: 177, failed: 0, skipped: 0 },
      { task: '@ai-engineer/talk:e2e e2e:built', passed: 19, failed: 0, skipped: 0 },
      { task: '@ai-engineer/talk:e2e e2e:dev', passed: 11, failed: 1, skipped: 2 },
    ])
  })
})

describe('what a cold run deletes', () => {
  it('should take every file git ignores, generated ones too, and keep the installed packages', () => {
    expect(
      ignoredOutsideNodeModules([
        '.turbo/',
        'apps/talk/dist/',
        'apps/talk/types/guide.d.ts',
        'node_modules/',
        'packages/content/node_modules/',
        'packages/content/src/generated/',
        '',
      ]),
    ).toEqual([
      '.turbo/',
      'apps/talk/dist/',
      'apps/talk/types/guide.d.ts',
      'packages/content/src/generated/',
    ])
  })
})

describe('the task times', () => {
  it('should list the tasks that ran, longest first, with when each started and how it ended', () => {
    const task = (taskId: string, start: number, end: number, status: string, exitCode = 0) => ({
      taskId,
      command: 'vitest run',
      cache: { status },
      execution: { startTime: start, endTime: end, exitCode },
    })
    const lines = taskTimes({
      execution: { command: 'turbo run test', startTime: 1000, endTime: 61_000, exitCode: 1 },
      tasks: [
        task('a#build', 1000, 3000, 'HIT'),
        task('b#test', 3000, 61_000, 'MISS', 1),
        { taskId: 'c#test', command: '<NONEXISTENT>', cache: { status: 'MISS' } },
      ],
    })
    expect(lines).toEqual([
      '   58.0s  from    2s  b#test (FAILED)',
      '    2.0s  from    0s  a#build (hit)',
    ])
  })
})
