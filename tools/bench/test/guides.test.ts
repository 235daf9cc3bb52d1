import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultRssMethod, guides, timedNode, type RssMethod } from '../src/guides.ts'
import { expectSaneResult, quiet } from './sane.ts'

describe('guides (quick)', () => {
  it.each<RssMethod>(['time', 'probe'])(
    'should read the peak RSS of a Node child (%s)',
    async (method) => {
      if (method === 'time' && defaultRssMethod() !== 'time') return // no GNU time here
      const dir = await mkdtemp(join(tmpdir(), 'bench-rss-test-'))
      try {
        // 160 MiB written, so every page of it is resident.
        const script = 'globalThis.kept = Buffer.alloc(160 * 1024 * 1024, 1)'
        const build = await timedNode(['-e', script], dir, method)
        expect(build.rssKiB).toBeGreaterThan(160 * 1024)
        expect(build.rssKiB).toBeLessThan(2 * 1024 * 1024)
        const empty = await timedNode(['-e', ''], dir, method)
        expect(empty.rssKiB).toBeLessThan(build.rssKiB)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    60_000,
  )

  it("should build one guide with the three tools, save under each tool's watch mode, import its index and time a save in Vite", async () => {
    const result = await guides(quiet)
    // 31 pages: cold, edited, peak RSS; then the two watch rows, the import and Vite rows.
    expectSaneResult(result, 7)
    expect(result.rows[3]!.benchmark).toMatch(/under build --watch/)
    expect(result.rows[3]!.baseline).toMatch(/^ours [\d.]+ m?s$/)
    expect(result.rows[4]!.benchmark).toMatch(/under each tool's watch mode/)
    expect(result.rows[4]!.baseline).toMatch(/^(Velite|content-collections) [\d.]+ m?s$/)
    expect(result.details.join('\n')).toMatch(
      /Watch modes at 31 pages.*ours [\d.]+ m?s.*; Velite [\d.]+ m?s.*; content-collections [\d.]+ m?s.*summary of its last: `ai-engineer-content: built 31 pages .*1 parsed, 30 from the cache`/,
    )
    expect(result.rows[0]!.baseline).toMatch(/^(Velite|content-collections) [\d.]+ m?s$/)
    expect(result.rows[2]!.ours).toMatch(/^\d+ MB$/)
    expect(result.details.join('\n')).toMatch(/the same command: ours [\d.]+ m?s/)
  })
})
