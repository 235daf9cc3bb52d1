import { describe, expect, it } from 'vitest'
import { debianMkdocsConfig, site } from '../src/site.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('site (quick)', () => {
  it("should point the emoji extension at pymdownx's own, for Debian's mkdocs-material", () => {
    const config = [
      '  - pymdownx.emoji:',
      '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
      '      emoji_generator: !!python/name:material.extensions.emoji.to_svg',
    ].join('\n')
    expect(debianMkdocsConfig(config)).toBe(
      [
        '  - pymdownx.emoji:',
        '      emoji_index: !!python/name:pymdownx.emoji.twemoji',
        '      emoji_generator: !!python/name:pymdownx.emoji.to_svg',
      ].join('\n'),
    )
  })

  it('should build the guide with ours and mkdocs-material, load its pages and audit them', async () => {
    const result = await site(quiet)
    // JavaScript, CSS, requests, first paint, four Lighthouse categories, the build.
    expectSaneResult(result, 9)
    expect(result.rows[0]!.baseline).toMatch(/^mkdocs-material [\d.]+ kB$/)
    // Quick: Lighthouse audits ours' home page only.
    for (const row of result.rows.slice(4, 8)) {
      expect(row.ours).toMatch(/^\d{1,3}$/)
      expect(row.baseline).toBe('mkdocs-material —')
    }
    expect(result.details.join('\n')).toMatch(/ours Lighthouse: \/ performance \d+/)
  })
})
