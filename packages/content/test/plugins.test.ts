// Long on purpose: each exported remark plugin, tested alone, side by side.
import {
  guideProcessor,
  parseGuide,
  remarkGuideEmoji,
  remarkGuideFigure,
  remarkGuideHtml,
  remarkGuideSections,
} from '@ai-engineer/content/parse'
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified, type PluggableList } from 'unified'
import { removePosition } from 'unist-util-remove-position'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, test } from 'vitest'
import { bare, parseError, tree } from './helpers.ts'

/** Run a bare remark-parse pipeline plus the given plugins. */
async function run(markdown: string, ...plugins: PluggableList) {
  const processor = unified().use(remarkParse).use(plugins)
  const file = new VFile({ value: markdown, path: 'x.md' })
  const result = (await processor.run(processor.parse(file), file)) as Root
  removePosition(result, { force: true })
  return { tree: result, file }
}

describe('remarkGuideFigure', () => {
  const block = [
    '<figure>',
    '  <img src="https://example.com/images/some_chart.png?raw=true" />',
    '  <figcaption>A <em>chart</em>.<a href="https://example.com/paper.pdf"> Source</a></figcaption>',
    '</figure>',
  ].join('\n')

  test('should turn a raw <figure> block into a figure node', async () => {
    const { tree, file } = await run(block, remarkGuideFigure)
    expect(file.messages).toEqual([])
    expect(tree.children).toEqual([
      {
        type: 'figure',
        id: 'some-chart',
        src: 'https://example.com/images/some_chart.png?raw=true',
        alt: 'A chart.',
        source: { url: 'https://example.com/paper.pdf', label: 'Source' },
        children: [
          { type: 'text', value: 'A ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'chart' }] },
          { type: 'text', value: '.' },
        ],
      },
    ])
  })

  test('should take the id from <figure id> and the alt from <img alt>', async () => {
    const { tree } = await run(
      '<figure id="My Chart"><img src="a.png" alt="Bars"><figcaption>Cap</figcaption></figure>',
      remarkGuideFigure,
    )
    expect(tree.children[0]).toMatchObject({ id: 'my-chart', alt: 'Bars', src: 'a.png' })
    expect(tree.children[0]).not.toHaveProperty('source')
  })

  test('should make figure ids unique within a page', async () => {
    const { tree } = await run(
      '<figure><img src="a.png" alt="x"></figure>\n\n<figure><img src="b/a.png" alt="y"></figure>',
      remarkGuideFigure,
    )
    expect(tree.children.map((node) => (node.type === 'figure' ? node.id : ''))).toEqual([
      'a',
      'a-1',
    ])
  })

  test('should report a figure without an image at its line and column', async () => {
    const { file } = await run(
      'Text.\n\n<figure><figcaption>Only a caption</figcaption></figure>',
      remarkGuideFigure,
    )
    expect(file.messages.map((message) => [message.line, message.column, message.fatal])).toEqual([
      [3, 1, true],
    ])
    expect(file.messages[0]?.reason).toMatch(/needs an `<img src="…">`/)
  })

  test('should reject an event handler attribute on the image', async () => {
    const { file } = await run(
      '<figure><img src="a.png" alt="x" onerror="alert(1)"></figure>',
      remarkGuideFigure,
    )
    expect(file.messages[0]?.reason).toMatch(/Attribute `onerror` is not allowed on `<img>`/)
    expect(file.messages[0]?.fatal).toBe(true)
  })

  test('should drop a presentational attribute with a warning', async () => {
    const { tree, file } = await run(
      '<figure><img src="a.png" alt="x" width="300"></figure>',
      remarkGuideFigure,
    )
    expect(tree.children[0]?.type).toBe('figure')
    expect(file.messages.map((message) => [message.fatal, message.ruleId])).toEqual([
      [false, 'attribute-dropped'],
    ])
  })

  test('should leave other HTML alone', async () => {
    const { tree } = await run('<div>hi</div>', remarkGuideFigure)
    expect(tree.children[0]?.type).toBe('html')
  })
})

describe('remarkGuideHtml', () => {
  test('should turn a block <hr> into a thematic break and drop comments', async () => {
    const { tree, file } = await run('a\n\n<hr>\n\n<!-- note -->\n\nb', remarkGuideHtml)
    expect(file.messages).toEqual([])
    expect(tree.children.map((node) => node.type)).toEqual([
      'paragraph',
      'thematicBreak',
      'paragraph',
    ])
  })

  test('should turn an inline <br> into a break', async () => {
    const { tree } = await run('a<br>b', remarkGuideHtml)
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', value: 'a' }, { type: 'break' }, { type: 'text', value: 'b' }],
    })
  })

  test('should report unknown HTML, block and inline, at its position', async () => {
    const { file } = await run(
      '<section>x</section>\n\nSome <span>inline</span> html.',
      remarkGuideHtml,
    )
    expect(
      file.messages.map(
        (message) => `${message.line}:${message.column} ${message.reason.split(' is ')[0]}`,
      ),
    ).toEqual(['1:1 Raw HTML `<section>`', '3:6 Raw HTML `<span>`', '3:18 Raw HTML `</span>`'])
  })
})

describe('remarkGuideHtml: raw HTML with a markdown equivalent', () => {
  const ids = (messages: readonly VFileMessage[]) =>
    messages.map((message) => [message.ruleId, message.fatal])

  test('should turn a raw <table> in a <div> into a table, with positions in the file', async () => {
    const markdown =
      '# T\n\n<div>\n<table>\n<tr><th>a</th></tr>\n<tr><td><a href="x.md">b</a></td></tr>\n</table>\n</div>\n'
    const page = await parseGuide(markdown, { path: 'x.md' })
    const table = page.sections[0]!.children[1]!
    expect(table.type).toBe('table')
    expect(table.position?.start).toMatchObject({ line: 4, column: 1 })
    expect(bare(table)).toEqual({
      type: 'table',
      align: [null],
      children: [
        {
          type: 'tableRow',
          children: [{ type: 'tableCell', children: [{ type: 'text', value: 'a' }] }],
        },
        {
          type: 'tableRow',
          children: [
            {
              type: 'tableCell',
              children: [
                {
                  type: 'link',
                  url: 'x.md',
                  title: null,
                  children: [{ type: 'text', value: 'b' }],
                },
              ],
            },
          ],
        },
      ],
    })
    const link = table.type === 'table' ? table.children[1]!.children[0]!.children[0] : undefined
    expect(link?.position?.start).toMatchObject({ line: 6, column: 9 })
  })

  test('should turn a lone <img> into an image, keeping an empty alt with a warning', async () => {
    const { tree, file } = await run('<img src="a.png" width="300">', remarkGuideHtml)
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'image', url: 'a.png', title: null, alt: '' }] },
    ])
    expect(ids(file.messages)).toEqual([
      ['attribute-dropped', false],
      ['image-alt', false],
    ])
  })

  test('should turn <a href> and <strong> pairs in a paragraph into a link and strong around the words between', async () => {
    const { tree, file } = await run(
      'See <a href="https://example.com">the <strong>notes</strong></a>.',
      remarkGuideHtml,
    )
    expect(file.messages).toEqual([])
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'See ' },
        {
          type: 'link',
          url: 'https://example.com',
          title: null,
          children: [
            { type: 'text', value: 'the ' },
            { type: 'strong', children: [{ type: 'text', value: 'notes' }] },
          ],
        },
        { type: 'text', value: '.' },
      ],
    })
  })

  test('should turn <details><summary> into a collapsible admonition holding the markdown between', async () => {
    const { tree, file } = await run(
      '<details class="warning" open>\n<summary>Careful</summary>\n\nA *body*.\n\n</details>',
      remarkGuideHtml,
    )
    expect(file.messages).toEqual([])
    expect(tree.children).toEqual([
      {
        type: 'admonition',
        kind: 'warning',
        title: 'Careful',
        collapsible: true,
        open: true,
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'A ' },
              { type: 'emphasis', children: [{ type: 'text', value: 'body' }] },
              { type: 'text', value: '.' },
            ],
          },
        ],
      },
    ])
  })

  test('should unwrap a <div> around markdown', async () => {
    const { tree, file } = await run('<div markdown>\n\nText.\n\n</div>', remarkGuideHtml)
    expect(file.messages).toEqual([])
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Text.' }] },
    ])
  })

  test('should keep an event handler, an unsafe URL and an unclosed wrapper errors', async () => {
    const { tree, file } = await run(
      '<img src="a.png" alt="" onerror="x()">\n\n<table><tr><td><a href="javascript:x()">y</a></td></tr></table>\n\n<div>\n\nOpen.',
      remarkGuideHtml,
    )
    expect(ids(file.messages)).toEqual([
      ['html-attribute', true],
      ['url-unsafe', true],
      ['html-unknown', true],
    ])
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Open.' }] },
    ])
  })
})

describe('remarkGuideEmoji', () => {
  test('should turn a known shortcode into an emoji node and keep an unknown one as text', async () => {
    const { tree } = await run('Hi :wink: and :not-an-emoji: and :+1:', remarkGuideEmoji)
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Hi ' },
        { type: 'emoji', name: 'wink', value: '😉' },
        { type: 'text', value: ' and :not-an-emoji: and ' },
        { type: 'emoji', name: '+1', value: '👍' },
      ],
    })
  })

  test('should leave shortcodes in code alone', async () => {
    const { tree } = await run('`:wink:`\n\n```\n:grinning:\n```', remarkGuideEmoji)
    expect(tree.children).toEqual([
      { type: 'paragraph', children: [{ type: 'inlineCode', value: ':wink:' }] },
      { type: 'code', lang: null, meta: null, value: ':grinning:' },
    ])
  })

  test('should not take inherited object keys for emoji names', async () => {
    const { tree } = await run(':constructor: :toString:', remarkGuideEmoji)
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', value: ':constructor: :toString:' }],
    })
  })
})

describe('remarkGuideSections', () => {
  test('should split at thematic breaks and headings, deriving ids from heading, strong, position', async () => {
    const { tree } = await run(
      '# Title\n\nIntro.\n\n***\n\nAbout **Strong Words** here.\n\n---\n\nPlain.\n\n## Next part\n\nMore.',
      remarkGuideSections,
    )
    expect(
      tree.children.map((node) =>
        node.type === 'section' ? [node.id, node.children.length] : node.type,
      ),
    ).toEqual([
      ['title', 2],
      ['strong-words', 1],
      ['section-3', 1],
      ['next-part', 2],
    ])
  })

  test('should skip empty sections between consecutive breaks', async () => {
    const { tree } = await run('***\n\na\n\n***\n\n***\n\nb\n\n***', remarkGuideSections)
    expect(tree.children.map((node) => (node.type === 'section' ? node.id : ''))).toEqual([
      'section-1',
      'section-2',
    ])
  })

  test('should make derived ids unique', async () => {
    const { tree } = await run('# Same\n\n# Same', remarkGuideSections)
    expect(tree.children.map((node) => (node.type === 'section' ? node.id : ''))).toEqual([
      'same',
      'same-1',
    ])
  })

  test('should take ids from the frontmatter in order', async () => {
    const page = await tree('---\nsections: [one, two]\n---\n# T\n\nx\n\n<hr>\n\ny\n')
    expect(page.children.map((node) => node.id)).toEqual(['one', 'two'])
  })
})

describe('parseGuide', () => {
  test('should parse the bare seed text, with no frontmatter', async () => {
    const page = await parseGuide(
      '# So You Wana Be an AI Engineer?\n\nOk.\n\n<hr>\n\nBeing an __AI Scientist__ is fun.\n',
      {
        path: 'docs/index.md',
      },
    )
    expect(page.id).toBe('index')
    expect(page.title).toBe('So You Wana Be an AI Engineer?')
    expect(page.sections.map((node) => node.id)).toEqual([
      'so-you-wana-be-an-ai-engineer',
      'ai-scientist',
    ])
  })

  test('should resolve reference links and drop their definitions', async () => {
    const page = await tree(
      '# T\n\nSee [the docs][d] and ![logo][l].\n\n[d]: https://example.com "Docs"\n[l]: logo.png\n',
    )
    expect(page.children[0]?.children[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'See ' },
        {
          type: 'link',
          url: 'https://example.com',
          title: 'Docs',
          children: [{ type: 'text', value: 'the docs' }],
        },
        { type: 'text', value: ' and ' },
        { type: 'image', url: 'logo.png', title: null, alt: 'logo' },
        { type: 'text', value: '.' },
      ],
    })
  })

  test('should lift frontmatter into page fields and out of the tree', async () => {
    const page = await parseGuide(
      '---\nid: my-page\ntitle: Mine\nsource: https://example.com/repo\nauthor: Someone\n---\n\nText.\n',
    )
    expect(page).toMatchObject({
      id: 'my-page',
      title: 'Mine',
      source: 'https://example.com/repo',
      author: { name: 'Someone' },
    })
    expect(bare(page.tree)).toEqual({
      type: 'root',
      children: [
        {
          type: 'section',
          id: 'section-1',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Text.' }] }],
        },
      ],
    })
  })

  test('should run the same pipeline as guideProcessor', async () => {
    const processor = guideProcessor()
    const file = new VFile({ value: '# A\n\n:wink:', path: 'a.md' })
    const result = (await processor.run(processor.parse(file), file)) as Root
    const page = await parseGuide('# A\n\n:wink:', { path: 'a.md' })
    expect(bare(result)).toEqual(bare(page.tree))
  })
})

describe('errors', () => {
  test('should reject an unknown HTML block with path:line:column and what to do', async () => {
    const error = await parseError('# T\n\n<aside class="note">Hi</aside>\n', 'guide/bad.md')
    expect(error.message).toMatch(
      /^guide\/bad\.md:3:1: Raw HTML `<aside>` is not supported: write it in markdown/,
    )
    expect(error.messages).toHaveLength(1)
    expect(error.messages[0]).toMatchObject({
      line: 3,
      column: 1,
      fatal: true,
      ruleId: 'html-unknown',
    })
  })

  test('should reject a figure without an image with its position', async () => {
    const error = await parseError('# T\n\n<figure>\n  <figcaption>Cap</figcaption>\n</figure>\n')
    expect(error.message).toMatch(/^bad\.md:3:1: A `<figure>` needs an `<img src="…">`/)
  })

  test('should reject a frontmatter section list that does not match the page, at the list', async () => {
    const error = await parseError(
      '---\ntitle: T\nsections:\n  - a\n  - b\n---\n\nOnly one section.\n',
    )
    expect(error.message).toMatch(
      /^bad\.md:4:3: Frontmatter lists 2 section ids, but the page has 1 sections/,
    )
  })

  test('should reject duplicate section ids in frontmatter at the duplicate', async () => {
    const error = await parseError('---\nsections: [a, a]\n---\n\nx\n\n***\n\ny\n')
    expect(error.message).toMatch(/^bad\.md:2:15: Duplicate section id `a`/)
  })

  test('should reject invalid YAML with its position', async () => {
    const error = await parseError('---\ntitle: [unclosed\n---\n\nx\n')
    expect(error.message).toMatch(/^bad\.md:\d+:\d+: Invalid YAML in frontmatter/)
  })

  test('should reject a page with no title', async () => {
    const error = await parseError('Just text.\n')
    expect(error.message).toBe(
      'bad.md:1:1: The page has no title: start it with a `# Heading`, or give `title:` in frontmatter',
    )
  })

  test('should report every error of a page, not just the first', async () => {
    const error = await parseError(
      '# T\n\n<section>a</section>\n\n[x](javascript:alert(1))\n\n<figure></figure>\n',
    )
    expect(error.messages.map((message) => `${message.line}:${message.column}`)).toEqual([
      '7:1',
      '3:1',
      '5:1',
    ])
  })

  test('should reject unsafe URLs however they are written', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
    ]) {
      const error = await parseError(`# T\n\n[x](<${url}>)\n`)
      expect(error.messages[0]?.ruleId, url).toBe('url-unsafe')
    }
  })
})
