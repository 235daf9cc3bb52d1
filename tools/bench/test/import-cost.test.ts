import { describe, expect, it } from 'vitest'
import { importCost, parserModules } from '../src/import-cost.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('import cost (quick)', () => {
  it('should recognise the modules of a parser', () => {
    expect(
      parserModules.test(
        'file:///r/node_modules/.pnpm/micromark@4.0.2/node_modules/micromark/index.js',
      ),
    ).toBe(true)
    expect(
      parserModules.test(
        'file:///r/node_modules/.pnpm/x/node_modules/micromark-util-chunked/index.js',
      ),
    ).toBe(true)
    expect(parserModules.test('file:///r/node_modules/mdast-util-from-markdown/lib/index.js')).toBe(
      true,
    )
    expect(parserModules.test('file:///r/node_modules/unified/lib/index.js')).toBe(true)
    expect(parserModules.test('file:///r/node_modules/mdast-util-to-string/index.js')).toBe(false)
  })

  it('should time the three probes and count the modules (a) loads', async () => {
    const result = await importCost(quiet)
    expectSaneResult(result, 3)
    // Three ratios' worth of medians, and the list of modules, are in the details.
    expect(result.details.join('\n')).toMatch(
      /\(a\) [\d.]+ m?s.*\(b\) [\d.]+ m?s.*\(c\) [\d.]+ m?s/,
    )
    expect(result.rows[2]!.ours).toMatch(/^\d+; \d+$/)
  })
})
