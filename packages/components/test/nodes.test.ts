// Long on purpose: one block of DOM assertions per node type of the default table.
import type { Emoji, Figure, LinkUrl, Section } from '@ai-engineer/content'
import type {
  Blockquote,
  Break,
  Code,
  Definition,
  Delete,
  Emphasis,
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  Html,
  Image,
  InlineCode,
  Link,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Root,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text,
  ThematicBreak,
  Yaml,
} from 'mdast'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { html, render, renderers, renderSsr, renderSsrDom, squash } from './helpers.js'

const text = (value: string): Text => ({ type: 'text', value })
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] })
const item = (value: string, extra: Partial<ListItem> = {}): ListItem => ({
  type: 'listItem',
  spread: false,
  checked: null,
  children: [paragraph(value)],
  ...extra,
})

afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('phrasing', () => {
  test('should render a text node as text, never as markup', () => {
    const host = render(text('<script>alert(1)</script> & <b>bold</b>'))
    expect(host.textContent).toBe('<script>alert(1)</script> & <b>bold</b>')
    expect(host.querySelector('script, b')).toBeNull()
  })

  test('should render strong, emphasis, delete and inline code as their elements', () => {
    const node: Paragraph = {
      type: 'paragraph',
      children: [
        { type: 'strong', children: [text('bold')] } satisfies Strong,
        { type: 'emphasis', children: [text('stressed')] } satisfies Emphasis,
        { type: 'delete', children: [text('gone')] } satisfies Delete,
        { type: 'inlineCode', value: '<b>x</b>' } satisfies InlineCode,
      ],
    }
    const p = render(node).querySelector('p')!
    expect([...p.children].map((element) => element.tagName.toLowerCase())).toEqual([
      'strong',
      'em',
      'del',
      'code',
    ])
    expect(p.querySelector('strong')!.textContent).toBe('bold')
    expect(p.querySelector('em')!.textContent).toBe('stressed')
    expect(p.querySelector('del')!.textContent).toBe('gone')
    expect(p.querySelector('code')!.textContent).toBe('<b>x</b>')
    expect(p.querySelector('b')).toBeNull()
  })

  test('should render a break as <br>', () => {
    const node: Paragraph = {
      type: 'paragraph',
      children: [text('one'), { type: 'break' } satisfies Break, text('two')],
    }
    expect(render(node).querySelector('p')!.innerHTML).toBe('one<br>two')
  })

  test('should render a link between pages with a URL relative to its page, or the one linkUrl makes', async () => {
    const between: Link = {
      type: 'link',
      url: '../docker.md#images',
      title: null,
      children: [text('the image')],
      data: { pageLink: { page: 'docker', section: 'images', from: 'testing/api' } },
    }
    expect(render(between).querySelector('a')!.getAttribute('href')).toBe('../../docker/#images')
    const linkUrl: LinkUrl = (link) => `/guide/${link.page}.html#${link.section}`
    for (const [, renderWith] of renderers) {
      const element = await renderWith(between, { linkUrl })
      expect(element.querySelector('a')!.getAttribute('href')).toBe('/guide/docker.html#images')
    }
    // What linkUrl makes is checked like any URL.
    const unsafe = render(between, { linkUrl: () => 'javascript:alert(1)' }).querySelector('a')!
    expect(unsafe.hasAttribute('href')).toBe(false)
  })

  test('should render a link with its title, and rel="noopener noreferrer" only when external', () => {
    const link = (url: string): Link => ({
      type: 'link',
      url,
      title: 'A title',
      children: [text('go')],
    })
    const external = render(link('https://example.org/page')).querySelector('a')!
    expect(external.getAttribute('href')).toBe('https://example.org/page')
    expect(external.getAttribute('title')).toBe('A title')
    expect(external.getAttribute('rel')).toBe('noopener noreferrer')
    expect(external.textContent).toBe('go')

    const protocolRelative = render(link('//example.org/page')).querySelector('a')!
    expect(protocolRelative.getAttribute('rel')).toBe('noopener noreferrer')

    for (const url of [
      '/guide/intro',
      '#ai-engineers',
      'page.html',
      'mailto:someone@example.org',
    ]) {
      const local = render(link(url)).querySelector('a')!
      expect(local.getAttribute('href')).toBe(url)
      expect(local.hasAttribute('rel')).toBe(false)
    }
  })

  test('should render an image lazily, with alt and title', () => {
    const node: Image = { type: 'image', url: 'images/a.png', alt: 'A picture', title: 'Title' }
    const img = render(node).querySelector('img')!
    expect(img.getAttribute('src')).toBe('images/a.png')
    expect(img.getAttribute('alt')).toBe('A picture')
    expect(img.getAttribute('title')).toBe('Title')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.getAttribute('decoding')).toBe('async')
  })

  test('should give an image the size the content package measured, and no other', () => {
    const measured: Image = {
      type: 'image',
      url: 'a.png',
      data: { hProperties: { width: 8, height: 4 } },
    }
    const img = render(measured).querySelector('img')!
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['8', '4'])
    const odd: Image = { type: 'image', url: 'a.png', data: { hProperties: { width: '8' } } }
    expect(render(odd).querySelector('img')!.hasAttribute('width')).toBe(false)
  })

  test('should give an image without alt an empty alt', () => {
    const node: Image = { type: 'image', url: 'a.png' }
    expect(render(node).querySelector('img')!.getAttribute('alt')).toBe('')
  })

  test('should render an emoji as role="img" labelled with its shortcode name', () => {
    const node: Emoji = { type: 'emoji', name: 'wink', value: '😉' }
    const span = render(node).querySelector('span')!
    expect(span.getAttribute('role')).toBe('img')
    expect(span.getAttribute('aria-label')).toBe('wink')
    expect(span.textContent).toBe('😉')
  })

  test('should render a footnote reference as a link to its definition', () => {
    const reference: FootnoteReference = {
      type: 'footnoteReference',
      identifier: 'note one',
      label: '1',
    }
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: 'note one',
      label: '1',
      children: [paragraph('The note.')],
    }
    const root: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [reference] }, definition],
    }
    const host = render(root)
    const link = host.querySelector('sup > a')!
    expect(link.getAttribute('href')).toBe('#fn-note-one')
    expect(link.textContent).toBe('1')
    const note = host.querySelector('#fn-note-one')!
    expect(note.querySelector('p')!.textContent).toBe('The note.')
  })
})

describe('blocks', () => {
  test('should render a root as its children, with no wrapper', () => {
    const node: Root = { type: 'root', children: [paragraph('one'), paragraph('two')] }
    expect(html(render(node))).toBe('<p>one</p><p>two</p>')
  })

  test('should render headings h1 to h6 with the id from data.id', () => {
    for (const depth of [1, 2, 3, 4, 5, 6] as const) {
      const node: Heading = {
        type: 'heading',
        depth,
        children: [text('Title')],
        data: { id: 'the-title' },
      }
      const heading = render(node).querySelector(`h${depth}`)!
      expect(heading.id).toBe('the-title')
      expect(heading.textContent).toBe('Title')
    }
  })

  test('should render a heading without data.id without an id', () => {
    const node: Heading = { type: 'heading', depth: 2, children: [text('Title')] }
    expect(render(node).querySelector('h2')!.hasAttribute('id')).toBe(false)
  })

  test('should render a section as <section id> around its children', () => {
    const node: Section = {
      type: 'section',
      id: 'ai-engineers',
      children: [
        { type: 'heading', depth: 2, children: [text('AI Engineers')], data: { id: 'heading' } },
        paragraph('Unsung heroes.'),
      ],
    }
    const section = render(node).querySelector('section')!
    expect(section.id).toBe('ai-engineers')
    expect(section.querySelector('h2')!.id).toBe('heading')
    expect(section.querySelector('p')!.textContent).toBe('Unsung heroes.')
  })

  test('should leave the id to the section when its heading has the same id', async () => {
    const node: Section = {
      type: 'section',
      id: 'same',
      children: [{ type: 'heading', depth: 2, children: [text('Same')], data: { id: 'same' } }],
    }
    const host = render(node)
    expect(host.querySelectorAll('#same')).toHaveLength(1)
    expect(host.querySelector('h2')!.hasAttribute('id')).toBe(false)
    const server = await renderSsrDom(node)
    expect(server.querySelectorAll('#same')).toHaveLength(1)
    expect(server.querySelector('h2')!.hasAttribute('id')).toBe(false)
  })

  test('should render a code block with a language-x class, as text', () => {
    const node: Code = {
      type: 'code',
      lang: 'ts',
      meta: null,
      value: 'const a = "<b>"\nconst b = 2',
    }
    const code = render(node).querySelector('pre > code')!
    expect(code.className).toBe('language-ts')
    expect(code.textContent).toBe('const a = "<b>"\nconst b = 2')
    expect(code.querySelector('b')).toBeNull()
  })

  test('should render a code block without a language without a class', () => {
    const node: Code = { type: 'code', value: 'plain' }
    expect(render(node).querySelector('pre > code')!.hasAttribute('class')).toBe(false)
  })

  test('should render a blockquote and a thematic break', () => {
    const node: Root = {
      type: 'root',
      children: [
        { type: 'blockquote', children: [paragraph('Quoted.')] } satisfies Blockquote,
        { type: 'thematicBreak' } satisfies ThematicBreak,
      ],
    }
    expect(html(render(node))).toBe('<blockquote><p>Quoted.</p></blockquote><hr>')
  })

  test('should render a tight unordered list without <p> in its items', () => {
    const node: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: [item('a'), item('b')],
    }
    expect(html(render(node))).toBe('<ul><li>a</li><li>b</li></ul>')
  })

  test('should render a loose list with <p> in its items', () => {
    const node: List = {
      type: 'list',
      ordered: false,
      spread: true,
      children: [item('a'), item('b')],
    }
    expect(html(render(node))).toBe('<ul><li><p>a</p></li><li><p>b</p></li></ul>')
  })

  test('should render an ordered list with its start, and no start when it is 1', () => {
    const list = (start: number | null): List => ({
      type: 'list',
      ordered: true,
      start,
      spread: false,
      children: [item('a')],
    })
    expect(render(list(3)).querySelector('ol')!.getAttribute('start')).toBe('3')
    expect(render(list(1)).querySelector('ol')!.hasAttribute('start')).toBe(false)
    expect(render(list(null)).querySelector('ol')!.hasAttribute('start')).toBe(false)
  })

  test('should render task items with a disabled checkbox, labelled by the item', () => {
    const node: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: [item('Done', { checked: true }), item('To do', { checked: false }), item('Plain')],
    }
    const list = render(node).querySelector('ul')!
    expect(list.className).toBe('contains-task-list')
    const [done, todo, plain] = [...list.querySelectorAll('li')]
    const doneBox = done!.querySelector('input')!
    expect(done!.className).toBe('task-list-item')
    expect(doneBox.type).toBe('checkbox')
    expect(doneBox.disabled).toBe(true)
    expect(doneBox.checked).toBe(true)
    expect(doneBox.getAttribute('aria-label')).toBe('Done')
    expect(squash(done!.textContent)).toBe('Done')
    expect(todo!.querySelector('input')!.checked).toBe(false)
    expect(plain!.querySelector('input')).toBeNull()
    expect(plain!.hasAttribute('class')).toBe(false)
  })

  test('should render a list item on its own as <li>', () => {
    expect(html(render(item('alone')))).toBe('<li>alone</li>')
  })

  test('should render a table with a header row, body rows and column alignment', () => {
    const row = (...cells: string[]): TableRow => ({
      type: 'tableRow',
      children: cells.map((value): TableCell => ({ type: 'tableCell', children: [text(value)] })),
    })
    const node: Table = {
      type: 'table',
      align: ['left', 'center', null],
      children: [
        row('Name', 'Role', 'Notes'),
        row('Ada', 'Engineer', '—'),
        row('Bo', 'Scientist', ''),
      ],
    }
    const table = render(node).querySelector('table')!
    const headers = [...table.querySelectorAll('thead > tr > th')]
    expect(headers.map((cell) => cell.textContent)).toEqual(['Name', 'Role', 'Notes'])
    expect(headers.map((cell) => cell.getAttribute('align'))).toEqual(['left', 'center', null])
    const rows = [...table.querySelectorAll('tbody > tr')]
    expect(rows).toHaveLength(2)
    expect([...rows[0]!.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'Ada',
      'Engineer',
      '—',
    ])
    expect(rows[0]!.querySelector('td')!.getAttribute('align')).toBe('left')
    expect(table.querySelectorAll('th')).toHaveLength(3)
  })

  test('should render a table row and a table cell on their own as <tr> and <td>', () => {
    const cell: TableCell = { type: 'tableCell', children: [text('x')] }
    const row: TableRow = { type: 'tableRow', children: [cell] }
    expect(html(render(row))).toBe('<tr><td>x</td></tr>')
  })

  test('should render nothing for html, yaml and definition nodes, and never their HTML', async () => {
    const node: Root = {
      type: 'root',
      children: [
        {
          type: 'html',
          value: '<img src="x" onerror="alert(1)"><script>alert(2)</script>',
        } satisfies Html,
        { type: 'yaml', value: 'title: x' } satisfies Yaml,
        {
          type: 'definition',
          identifier: 'a',
          url: 'https://example.org',
          title: null,
        } satisfies Definition,
        paragraph('after'),
      ],
    }
    const host = render(node)
    expect(host.querySelector('img, script')).toBeNull()
    expect(squash(host.textContent)).toBe('after')
    const server = await renderSsr(node)
    expect(server).not.toContain('onerror')
    expect(server).not.toContain('<script')
  })
})

describe('figures', () => {
  const figure = (id: string, extra: Partial<Figure> = {}): Figure => ({
    type: 'figure',
    id,
    src: 'https://example.org/figure.png',
    alt: 'A figure',
    source: { url: 'https://example.org/paper.pdf', label: 'Source' },
    children: [text('The caption.')],
    ...extra,
  })

  test('should render a figure without a diagram as <img> with alt, lazy loading and async decoding', () => {
    const element = render(figure('other')).querySelector('figure')!
    expect(element.id).toBe('other')
    const img = element.querySelector('img')!
    expect(img.getAttribute('src')).toBe('https://example.org/figure.png')
    expect(img.getAttribute('alt')).toBe('A figure')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.getAttribute('decoding')).toBe('async')
    expect(element.querySelector('svg')).toBeNull()
    expect(img.hasAttribute('width')).toBe(false)
  })

  test('should give a figure’s image its measured width and height', () => {
    const img = render(figure('other', { width: 120, height: 90 })).querySelector('img')!
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['120', '90'])
  })

  test('should render the caption then the source link, external links with rel="noopener noreferrer"', () => {
    const caption = render(figure('other')).querySelector('figure > figcaption')!
    expect(caption.textContent).toBe('The caption. Source')
    const link = caption.querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://example.org/paper.pdf')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    expect(link.textContent).toBe('Source')
  })

  test('should render a figure without a source or caption without a link or figcaption', () => {
    const bare = render(figure('other', { source: undefined, children: [] })).querySelector(
      'figure',
    )!
    expect(bare.querySelector('figcaption')).toBeNull()
    const captioned = render(figure('other', { source: undefined })).querySelector('figcaption')!
    expect(captioned.textContent).toBe('The caption.')
    expect(captioned.querySelector('a')).toBeNull()
  })

  test.each([
    ['technical-debt', 'Hidden technical debt in machine learning systems'],
    ['cd4ml-end-to-end', 'The machine learning life cycle'],
  ])('should draw the native diagram for the guide figure %s instead of its image', (id, title) => {
    const element = render(figure(id)).querySelector('figure')!
    expect(element.querySelector('img')).toBeNull()
    const svg = element.querySelector('svg')!
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.querySelector('title')!.textContent).toBe(title)
    expect(element.querySelector('figcaption')!.textContent).toBe('The caption. Source')
  })

  test('should show the original image of a guide figure when the renderer says diagrams: false', () => {
    const element = render(figure('technical-debt'), { diagrams: false }).querySelector('figure')!
    expect(element.querySelector('svg')).toBeNull()
    expect(element.querySelector('img')!.getAttribute('src')).toBe('https://example.org/figure.png')
  })
})

describe('unknown nodes', () => {
  test('should render the children of an unknown node and warn once in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const node = { type: 'mystery', children: [paragraph('inside')] } as unknown as Nodes
    const root: Root = { type: 'root', children: [node, node] as Root['children'] }
    expect(html(render(root))).toBe('<p>inside</p><p>inside</p>')
    render(node)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toContain('`mystery`')
  })

  test('should render an unknown node without children as nothing, without throwing', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const node = { type: 'mysteryLiteral', value: '<b>raw</b>' } as unknown as Nodes
    const host = render(node)
    expect(host.textContent).toBe('')
    expect(host.querySelector('b')).toBeNull()
  })

  test('should not warn about unknown nodes in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    render({ type: 'mysteryInProduction', children: [] } as unknown as Nodes)
    expect(warn).not.toHaveBeenCalled()
  })
})
