import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { guide } from '@ai-engineer/content'
import { parseGuide } from '@ai-engineer/content/parse'
import schema from '@ai-engineer/content/schema.json' with { type: 'json' }
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import { describe, expect, test } from 'vitest'

const ajv = new Ajv2020({ strict: true })
const validate = ajv.compile(schema)

function errors(value: unknown): ErrorObject[] {
  return validate(value) ? [] : (validate.errors ?? [])
}

const fixtures = new URL('fixtures/', import.meta.url)
const hostile = new URL('hostile/', import.meta.url)

describe('schema.json', () => {
  test('should be a draft 2020-12 schema that names every node type we emit', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const types = new Set(JSON.stringify(schema).match(/"const":"[a-zA-Z]+"/g))
    for (const type of ['root', 'section', 'figure', 'emoji', 'admonition', 'heading', 'list']) {
      expect(types, type).toContain(`"const":"${type}"`)
    }
  })

  test('should accept every page of the built guide, as JSON', () => {
    for (const page of guide.pages) {
      expect(errors(JSON.parse(JSON.stringify(page)))).toEqual([])
    }
  })

  // Fixtures of a parse error have `errors.txt` instead of a tree.
  const trees = readdirSync(fixtures)
    .filter((name) => existsSync(new URL(`${name}/tree.json`, fixtures)))
    .sort()

  test('should have fixtures with a tree, admonitions among them', () => {
    expect(trees.length).toBeGreaterThanOrEqual(10)
    expect(trees.filter((name) => name.startsWith('admonition'))).not.toEqual([])
  })

  test.each(trees)('should accept the fixture %s', (name) => {
    const tree = JSON.parse(readFileSync(new URL(`${name}/tree.json`, fixtures), 'utf8'))
    expect(errors(tree)).toEqual([])
  })

  test('should accept the parse output of every safe case of the hostile corpus', async () => {
    let safe = 0
    let checked = 0
    for (const name of readdirSync(hostile).sort()) {
      const expected = JSON.parse(readFileSync(new URL(`${name}/expect.json`, hostile), 'utf8'))
      if (expected.outcome !== 'safe') continue
      safe++
      const generator = new URL(`${name}/case.ts`, hostile)
      const input = existsSync(generator)
        ? ((await import(generator.href)) as { default: () => string | Uint8Array }).default()
        : readFileSync(new URL(`${name}/input.md`, hostile))
      const page = await parseGuide(input, { path: `${name}/input.md` })
      expect(errors(JSON.parse(JSON.stringify(page))), name).toEqual([])
      checked++
    }
    expect(safe).toBeGreaterThanOrEqual(15)
    expect(checked).toBe(safe)
  })

  test('should reject a figure without `src`, at the figure', () => {
    const page = structuredClone(guide.pages[0]!)
    const { sections: _sections, figures: _figures, ...data } = page
    const figure = data.tree.children[2]!.children.findIndex((node) => node.type === 'figure')
    delete (data.tree.children[2]!.children[figure] as { src?: string }).src
    const found = errors(data)
    expect(found).toContainEqual(
      expect.objectContaining({
        instancePath: `/tree/children/2/children/${figure}`,
        keyword: 'required',
        params: { missingProperty: 'src' },
      }),
    )
  })

  test('should reject a section inside a paragraph, at the section', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'section',
          id: 'outer',
          children: [
            {
              type: 'paragraph',
              children: [
                { type: 'text', value: 'Before' },
                { type: 'section', id: 'inner', children: [] },
              ],
            },
          ],
        },
      ],
    }
    const found = errors({ id: 'bad', path: 'bad.md', title: 'Bad', tree })
    expect(found.length).toBeGreaterThan(0)
    const paths = new Set(found.map((error) => error.instancePath))
    expect(paths).toContain('/tree/children/0/children/0/children/1')
    expect([...paths].every((path) => path.startsWith('/tree/children/0/children/0'))).toBe(true)
  })
})
