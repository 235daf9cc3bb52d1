import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isSafeUrl, type GuidePage } from '@ai-engineer/content'
import { toHtml } from '@ai-engineer/content/html'
import { checkGuide, GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Nodes } from 'mdast'
import { describe, expect, test } from 'vitest'
import { unsafeHtml } from './html-safety.ts'

/**
 * The hostile corpus: one folder a case, with `input.md` (read as bytes, as
 * the build and the CLI read guides) or `case.ts` (which builds inputs too big
 * or too binary to keep as a file), and `expect.json` naming the outcome:
 * `{ outcome: 'error', line, column, ruleId, message }` (`message` a regex
 * that says what to fix) or `{ outcome: 'safe' }`, with the one `warning` it gets if any
 * (which `strict` makes an error).
 */
interface Place {
  line: number
  column: number
  ruleId: string
  message: string
}

type Expected = ({ outcome: 'error' } & Place) | { outcome: 'safe'; warning?: Place }

/**
 * The test's own timeout, in ms: a case that hangs (a parser loop, a stack blow-up turned
 * into a busy retry) fails there. Nothing is timed: timings belong in the bench.
 */
const hangBound = 60_000

const root = new URL('hostile/', import.meta.url)
const cases = readdirSync(root).sort()

async function input(name: string): Promise<string | Uint8Array> {
  const generator = new URL(`${name}/case.ts`, root)
  if (existsSync(generator)) {
    const module = (await import(generator.href)) as { default: () => string | Uint8Array }
    return module.default()
  }
  return readFileSync(new URL(`${name}/input.md`, root))
}

/** Every node of `tree`, without recursion (the trees here can be deep). */
function* nodes(tree: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    yield node
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child)
  }
}

/** Every URL in `tree`: links, images, definitions, figures and their sources. */
function urls(tree: Nodes): string[] {
  const found: string[] = []
  for (const node of nodes(tree)) {
    if ('url' in node && typeof node.url === 'string') found.push(node.url)
    if (node.type === 'figure') {
      found.push(node.src)
      if (node.source) found.push(node.source.url)
    }
  }
  return found
}

describe('hostile corpus', () => {
  test('should have at least 30 cases, each with an expected outcome and an input', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    for (const name of cases) {
      expect(existsSync(new URL(`${name}/expect.json`, root)), name).toBe(true)
      const inputs = ['input.md', 'case.ts'].filter((file) =>
        existsSync(new URL(`${name}/${file}`, root)),
      )
      expect(inputs, name).toHaveLength(1)
    }
  })

  test.each(cases)(
    'should end %s with its expected outcome',
    async (name) => {
      const expected = JSON.parse(
        readFileSync(new URL(`${name}/expect.json`, root), 'utf8'),
      ) as Expected
      const value = await input(name)
      const path = `${name}/input.md`

      let page: GuidePage | undefined
      let error: GuideError | undefined
      try {
        page = await parseGuide(value, { path })
      } catch (caught) {
        // Anything but a GuideError (a RangeError from a stack overflow, say) fails here.
        if (!(caught instanceof GuideError)) throw caught
        error = caught
      }

      if (expected.outcome === 'error') {
        expect(page, 'the guide should have been rejected').toBeUndefined()
        const lines = error!.message.split('\n')
        for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: \S/)
        const place = `${path}:${expected.line}:${expected.column}: `
        const line = lines.find((candidate) => candidate.startsWith(place))
        expect(line, `no error at ${place} in:\n${error!.message}`).toBeDefined()
        expect(line!.slice(place.length)).toMatch(new RegExp(expected.message))
        const message = error!.messages.find(
          (candidate) =>
            candidate.fatal === true &&
            candidate.line === expected.line &&
            candidate.column === expected.column,
        )
        expect(message?.ruleId).toBe(expected.ruleId)
        expect(message?.source).toBe('ai-engineer-content')
      } else {
        expect(error?.message, 'the guide should have parsed').toBeUndefined()
        const all = [...nodes(page!.tree)]
        expect(all.filter((node) => node.type === 'html')).toEqual([])
        expect(urls(page!.tree).filter((url) => !isSafeUrl(url))).toEqual([])
        expect(unsafeHtml(toHtml(page!.tree))).toEqual([])
        if (expected.warning) {
          const { line, column, ruleId, message } = expected.warning
          const { file } = await checkGuide(value, { path })
          expect(
            file.messages.map((item) => [item.fatal, item.line, item.column, item.ruleId]),
          ).toEqual([[false, line, column, ruleId]])
          expect(file.messages[0]?.reason).toMatch(new RegExp(message))
          await expect(parseGuide(value, { path, strict: true })).rejects.toThrow(
            `${path}:${line}:${column}: `,
          )
        }
      }
    },
    hangBound,
  )
})
