import { readFileSync } from 'node:fs'
import type { Admonition } from '@ai-engineer/content'
import { toHtml } from '@ai-engineer/content/html'
import { toMarkdown } from '@ai-engineer/content/markdown'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { describe, expect, test } from 'vitest'
import { payloads } from './e2e/payloads.ts'
import { bare, fixtures, parseError, tree } from './helpers.ts'
import { unsafeHtml } from './html-safety.ts'

/** Every form, each written as toMarkdown writes it. */
const forms = [
  '!!! note\n    Body.\n',
  '!!! warning "Custom title"\n    Body.\n',
  '!!! tip ""\n    Body.\n',
  '??? info\n    Folded.\n',
  '???+ info\n    Open.\n',
  '???+ danger "Careful"\n    Open, with a title.\n',
  '!!! any-word\n    Any qualifier.\n',
  '!!! note "Quotes \\"inside\\" stay"\n    Body.\n',
  '!!! note\n    First.\n\n    * a\n    * b\n\n    ```js\n    code()\n    ```\n',
  '!!! example\n    ??? question "Nested"\n        !!! bug\n            Three deep.\n',
  '!!! note\n',
]

function admonitions(root: Root): Admonition[] {
  const found: Admonition[] = []
  visit(root, 'admonition', (node) => {
    found.push(node)
  })
  return found
}

describe('admonitions', () => {
  test.each(forms)('should write %j back byte for byte', async (markdown) => {
    const page = await parseGuide(`# Page\n\n${markdown}`)
    const [node] = admonitions(page.tree)
    expect(node).toBeDefined()
    expect(toMarkdown(node!)).toBe(markdown)
  })

  test('should write every admonition of the fixtures back as its source', async () => {
    let count = 0
    for (const name of ['admonition-forms', 'admonition-nested', 'admonition-figure']) {
      const source = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8')
      const page = await parseGuide(source)
      for (const section of page.sections) {
        for (const node of section.children) {
          if (node.type !== 'admonition') continue
          const { start, end } = node.position!
          expect(toMarkdown(node)).toBe(`${source.slice(start.offset, end.offset)}\n`)
          count++
        }
      }
    }
    expect(count).toBe(11)
  })

  test('should read the fields of each form', async () => {
    const fields = (markdown: string) =>
      tree(`# Page\n\n${markdown}`).then((root) =>
        admonitions(root).map(({ kind, title, collapsible, open }) => ({
          kind,
          title,
          collapsible,
          open,
        })),
      )
    expect(await fields('!!! note\n    x\n')).toEqual([
      { kind: 'note', title: null, collapsible: false, open: true },
    ])
    expect(await fields('!!! tip ""\n    x\n')).toEqual([
      { kind: 'tip', title: '', collapsible: false, open: true },
    ])
    expect(await fields('??? info "T"\n    x\n')).toEqual([
      { kind: 'info', title: 'T', collapsible: true, open: false },
    ])
    expect(await fields('???+ info\n    x\n')).toEqual([
      { kind: 'info', title: null, collapsible: true, open: true },
    ])
  })

  test('should not read a header inside a paragraph, nor an indented one', async () => {
    const root = await tree('# Page\n\nText\n!!! note\n    x\n\n  !!! note\n      y\n')
    expect(admonitions(root)).toEqual([])
    expect(toMarkdown(root)).toContain('\\!!! note')
  })

  test('should render an aside, or details with a summary, with the kind as a class', async () => {
    const html = (markdown: string) => tree(`# Page\n\n${markdown}`).then((root) => toHtml(root))
    expect(await html('!!! warning "Mind"\n    x\n')).toContain(
      '<aside class="admonition warning">\n<p class="admonition-title">Mind</p>\n<p>x</p>\n</aside>',
    )
    expect(await html('!!! tip ""\n    x\n')).toContain(
      '<aside class="admonition tip">\n<p>x</p>\n</aside>',
    )
    expect(await html('??? info\n    x\n')).toContain(
      '<details class="admonition info">\n<summary>Info</summary>\n<p>x</p>\n</details>',
    )
    expect(await html('???+ info\n    x\n')).toContain('<details class="admonition info" open>')
  })

  test.each([
    ['!!!\n    x\n', 'bad.md:3:4: `!!!` needs a qualifier word'],
    ['??? "Title only"\n    x\n', 'bad.md:3:5: `???` needs a qualifier word'],
    ['!!! note "Open\n    x\n', 'bad.md:3:10: The admonition\'s title has no closing `"`'],
    ['!!! note two words\n    x\n', 'bad.md:3:10: An admonition takes one qualifier word'],
    ['!!! note\nNot indented.\n', 'bad.md:4:1: The body of `!!! note` is not indented'],
    ['> !!! note\n>   Two spaces.\n', 'bad.md:4:5: The body of `!!! note` is not indented'],
  ])('should reject %j with a positioned error', async (markdown, message) => {
    const error = await parseError(`# Page\n\n${markdown}`)
    expect(error.message).toContain(message)
    expect(error.messages[0]?.ruleId).toMatch(/^admonition-/)
  })
})

describe('admonitions and hostile input', () => {
  test.each(payloads.map((payload, index) => [index, payload] as const))(
    'should render payload %i in a title and a body without anything that runs',
    async (_index, payload) => {
      const title = payload.replace(/[\r\n]+/g, ' ')
      const markdown = `# Page\n\n!!! note "${title}"\n    ${payload.replace(/\n/g, '\n    ')}\n`
      try {
        expect(unsafeHtml(toHtml((await parseGuide(markdown)).tree))).toEqual([])
      } catch (error) {
        if (!(error instanceof GuideError)) throw error
      }
      for (const collapsible of [false, true]) {
        const node: Admonition = {
          type: 'admonition',
          kind: payload,
          title: payload,
          collapsible,
          open: true,
          children: [
            { type: 'paragraph', children: [{ type: 'text', value: payload }] },
            { type: 'html', value: payload },
          ],
        }
        const html = toHtml(node)
        expect(unsafeHtml(html)).toEqual([])
        expect(bare(node).title).toBe(payload)
      }
    },
  )
})
