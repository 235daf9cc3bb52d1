import { describe, expect, it } from 'vitest'
import { componentsSize } from '../src/size.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('components size (quick)', () => {
  it('should size the whole library and GuideRenderer alone', async () => {
    const result = await componentsSize(quiet)
    expectSaneResult(result, 2)
    expect(result.rows[0]!.ours).toMatch(/^[\d.]+ kB$/)
  })
})
