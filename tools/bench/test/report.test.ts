import { describe, expect, it } from 'vitest'
import { median, renderMarkdown } from '../src/report.ts'

describe('report', () => {
  it('should take the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('should print a markdown table with a pass column', () => {
    const markdown = renderMarkdown([
      {
        name: 'Example',
        rows: [
          { benchmark: 'a', ours: '1', baseline: '2', ratio: '0.50×', target: '≤ 1×', pass: true },
          { benchmark: 'b', ours: '3', baseline: '1', ratio: '3.00×', target: '≤ 1×', pass: false },
          { benchmark: 'c', ours: '3', baseline: '—', ratio: '—', target: '—', pass: undefined },
        ],
        details: ['behind a'],
      },
    ])
    const lines = markdown.split('\n')
    expect(lines[0]).toMatch(
      /^\| benchmark +\| ours +\| baseline +\| ratio +\| target +\| pass +\|$/,
    )
    expect(lines[1]).toMatch(/^\| -+ \| -+ \| -+ \| -+ \| -+ \| -+ \|$/)
    expect(lines[2]).toMatch(/\| yes +\|$/)
    expect(lines[3]).toMatch(/\| \*\*NO\*\* \|$/)
    expect(lines[4]).toMatch(/\| — +\|$/)
    expect(markdown).toContain('### Example\n\n- behind a')
  })
})
