import { readdirSync, readFileSync } from 'node:fs'
import { parseGuide } from '@ai-engineer/content/parse'
import { describe, expect, test } from 'vitest'
import { bare } from './helpers.ts'

const root = new URL('fixtures/', import.meta.url)
const cases = readdirSync(root).sort()

describe('fixtures', () => {
  test('should have cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7)
  })

  test.each(cases)('should parse %s to its reviewed tree.json', async (name) => {
    const input = readFileSync(new URL(`${name}/input.md`, root), 'utf8')
    const page = await parseGuide(input, { path: `${name}/input.md` })
    const { sections: _sections, figures: _figures, tree, ...meta } = page
    const result = { ...meta, tree: bare(tree) }
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(
      new URL(`${name}/tree.json`, root).pathname,
    )
  })
})
