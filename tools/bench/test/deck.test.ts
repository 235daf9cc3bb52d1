import { describe, expect, it } from 'vitest'
import { deck } from '../src/deck.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('the deck (quick)', () => {
  it('should build a stock deck and load both in Chromium', async () => {
    const result = await deck(quiet)
    expectSaneResult(result, 4)
    expect(result.details[0]).toMatch(/^\d+ slides each/)
  })
})
