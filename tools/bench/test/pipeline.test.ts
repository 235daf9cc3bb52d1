import { describe, expect, it } from 'vitest'
import { generateGuide } from '../src/generate-guide.ts'
import { pipelineThroughput } from '../src/pipeline.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('pipeline throughput (quick)', () => {
  it('should generate a guide of at least the size asked, from whole parts', () => {
    const guide = generateGuide(10_000)
    expect(guide.bytes).toBeGreaterThanOrEqual(10_000)
    expect(guide.bytes).toBeLessThan(14_000)
    expect(guide.markdown).toMatch(/^# So You Wana Be an AI Engineer\?/)
    expect(guide.markdown).toContain('## Part 2: So You Wana Be an AI Engineer?')
    expect(guide.markdown).not.toMatch(/^---\n/)
    expect(guide.expect).toEqual({
      sections: guide.parts * 4,
      figures: guide.parts * 2,
      emoji: guide.parts * 2,
      links: guide.parts,
      linkReferences: 0,
    })
    expect(guide.markdown).not.toMatch(/^\[guide\]:/m)
  })

  it('should add a reference link to every part, defined once at the end, when asked', () => {
    const guide = generateGuide(10_000, { references: true })
    expect(guide.markdown.match(/\[its source\]\[guide\]/g)).toHaveLength(guide.parts)
    expect(guide.markdown).toMatch(/\n\[guide\]: https:\/\/\S+\n$/)
    expect(guide.expect.links).toBe(guide.parts * 2)
  })

  it('should time parseGuide and bare remark on each size, and their growth', async () => {
    const result = await pipelineThroughput(quiet)
    // Two sizes, the growth between them, and the larger one with references.
    expectSaneResult(result, 4)
    expect(result.rows[0]!.ours).toMatch(/MB\/s$/)
  })
})
