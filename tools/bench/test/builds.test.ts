import { describe, expect, it } from 'vitest'
import { builds } from '../src/builds.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('builds (quick)', () => {
  it('should build a copy cold, warm and after an edit, and read what ran', async () => {
    const result = await builds(quiet)
    expectSaneResult(result, 4)
    expect(result.rows[2]!.ours).toContain('content#build')
  })
})
