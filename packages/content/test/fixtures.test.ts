import { readFileSync } from 'node:fs'
import { toHtml } from '@ai-engineer/content/html'
import { parseGuide } from '@ai-engineer/content/parse'
import { describe, expect, test } from 'vitest'
import { bare, errorFixtures, fixtures, parseError, validFixtures } from './helpers.ts'

const input = (name: string): string => readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8')
const snapshot = (name: string, file: string): string =>
  new URL(`${name}/${file}`, fixtures).pathname

describe('fixtures', () => {
  test('should have cases', () => {
    expect(validFixtures.length).toBeGreaterThanOrEqual(10)
    expect(errorFixtures.length).toBeGreaterThanOrEqual(3)
  })

  test.each(validFixtures)('should parse %s to its reviewed tree.json', async (name) => {
    const page = await parseGuide(input(name), { path: `${name}/input.md` })
    const { sections: _sections, figures: _figures, tree, ...meta } = page
    const result = { ...meta, tree: bare(tree) }
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(
      snapshot(name, 'tree.json'),
    )
  })

  test.each(validFixtures)('should render %s to its reviewed output.html', async (name) => {
    const page = await parseGuide(input(name), { path: `${name}/input.md` })
    await expect(`${toHtml(page.tree)}\n`).toMatchFileSnapshot(snapshot(name, 'output.html'))
  })

  test.each(errorFixtures)(
    'should reject %s with the positioned errors of errors.txt',
    async (name) => {
      const error = await parseError(input(name), `${name}/input.md`)
      await expect(`${error.message}\n`).toMatchFileSnapshot(snapshot(name, 'errors.txt'))
    },
  )
})
