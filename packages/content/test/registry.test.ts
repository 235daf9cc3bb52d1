import { readFileSync } from 'node:fs'
import { guideSanitizeSchema } from '@ai-engineer/content/html'
import { guideToMarkdown } from '@ai-engineer/content/markdown'
import {
  GuideError,
  guideNodes,
  guideNodeTypes,
  guideProcessor,
  parseGuide,
  type NodeRegistry,
} from '@ai-engineer/content/parse'
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown'
import { VFile } from 'vfile'
import { describe, expect, test } from 'vitest'
import { errorFixtures, fixtures, validFixtures as cases } from './helpers.ts'

// A registry that leaves out a node type of the tree does not compile.
const { emoji: _emoji, ...withoutEmoji } = guideNodes
// @ts-expect-error: `emoji` is missing.
const incomplete: NodeRegistry = withoutEmoji

function handlerNames(extension: ToMarkdownExtension): string[] {
  return [
    ...Object.keys(extension.handlers ?? {}),
    ...(extension.extensions ?? []).flatMap((inner) => handlerNames(inner)),
  ]
}

describe('the node registry', () => {
  test('should list every node type once, in registry order', () => {
    expect(guideNodeTypes).toEqual(Object.keys(guideNodes))
    expect(new Set(guideNodeTypes).size).toBe(guideNodeTypes.length)
    expect(guideNodeTypes.filter((type) => !(type in incomplete))).toEqual(['emoji'])
  })

  test('should give toMarkdown a handler for every node type', () => {
    expect(handlerNames(guideToMarkdown())).toEqual(expect.arrayContaining(guideNodeTypes))
  })

  test('should widen the sanitize schema with every node’s additions', () => {
    for (const spec of Object.values(guideNodes)) {
      const { tagNames = [], attributes = {} } = spec.sanitize
      expect(guideSanitizeSchema.tagNames).toEqual(expect.arrayContaining(tagNames))
      for (const [tag, allowed] of Object.entries(attributes)) {
        expect(guideSanitizeSchema.attributes?.[tag]).toEqual(expect.arrayContaining(allowed))
      }
    }
  })

  test('should register each node plugin’s markdown writer on the processor', () => {
    const data = guideProcessor().freeze().data()
    const names = (data.toMarkdownExtensions ?? []).flatMap((extension) => handlerNames(extension))
    expect(names).toEqual(expect.arrayContaining(guideNodeTypes))
  })
})

describe('guideProcessor() and parseGuide', () => {
  test.each(cases)('should give the same tree for the %s fixture', async (name) => {
    const input = readFileSync(new URL(`${name}/input.md`, fixtures))
    const path = `${name}/input.md`
    const file = await guideProcessor().process(new VFile({ path, value: input }))
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    expect(file.result).toEqual((await parseGuide(input, { path })).tree)
  })

  test.each(errorFixtures)('should report the same errors for the %s fixture', async (name) => {
    const input = readFileSync(new URL(`${name}/input.md`, fixtures))
    const path = `${name}/input.md`
    const file = await guideProcessor().process(new VFile({ path, value: input }))
    const error = await parseGuide(input, { path }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(GuideError)
    expect(file.messages.map(String)).toEqual((error as GuideError).messages.map(String))
    expect(file.messages.length).toBeGreaterThan(0)
  })

  test('should reject over a limit with the same positioned message', async () => {
    const markdown = `# Page\n\n${'>'.repeat(8)} deep\n`
    const error = await parseGuide(markdown, { path: 'q.md', maxNesting: 3 }).catch(
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(GuideError)
    await expect(
      guideProcessor({ maxNesting: 3 }).process(new VFile({ path: 'q.md', value: markdown })),
    ).rejects.toMatchObject({
      reason: (error as GuideError).messages[0]!.reason,
      line: 3,
      column: 4,
      ruleId: 'nesting-limit',
    })
  })
})
