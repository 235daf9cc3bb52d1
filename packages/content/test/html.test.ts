import { getFigure, getSection, guide } from '@ai-engineer/content'
import { toHtml } from '@ai-engineer/content/html'
import { parseGuide } from '@ai-engineer/content/parse'
import type { Root } from 'mdast'
import { describe, expect, test } from 'vitest'

describe('toHtml', () => {
  test('should render a figure with its caption and source link', () => {
    expect(toHtml(getFigure('intro', 'technical-debt'))).toBe(
      '<figure id="user-content-technical-debt"><img src="https://github.com/mapattacker/ai-engineer/blob/master/images/technical_debt.png?raw=true" alt="The Hidden Debt in Machine Learning Systems." loading="lazy" decoding="async"><figcaption>The Hidden Debt in Machine Learning Systems. <a href="https://wiki.esipfed.org/w/images/5/5f/NIPS-5656-hidden-technical-debt-in-machine-learning-systems.pdf">Source</a></figcaption></figure>',
    )
  })

  test('should render sections with ids and emoji as labelled images', () => {
    const html = toHtml(getSection('intro', 'not-convinced'))
    expect(
      html.startsWith('<section id="user-content-not-convinced">\n<p>Still not convinced?'),
    ).toBe(true)
    expect(html).toContain('<span role="img" aria-label="grinning">😀</span>')
  })

  test('should give a section and its heading their own ids', () => {
    const html = toHtml(guide.pages[0]!.tree)
    expect(html).toContain(
      '<section id="user-content-opening">\n<h1 id="user-content-so-you-wana-be-an-ai-engineer">So You Wana Be an AI Engineer?</h1>',
    )
    expect(html.match(/<section /g)).toHaveLength(4)
  })

  test('should put an id shared by a section and its heading on the section only', async () => {
    const page = await parseGuide('# Same Name\n\nText.\n')
    expect(toHtml(page.tree)).toBe(
      '<section id="user-content-same-name">\n<h1>Same Name</h1>\n<p>Text.</p>\n</section>',
    )
  })

  test('should drop unsafe URLs and raw HTML even from a hand-made tree', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'x' }] },
            { type: 'html', value: '<img src=x onerror=alert(1)>' },
            { type: 'image', url: 'data:text/html,hi', alt: 'y' },
          ],
        },
        {
          type: 'figure',
          id: 'f',
          src: 'vbscript:x',
          alt: 'z',
          source: { url: 'JAVASCRIPT:y', label: 's' },
          children: [],
        },
      ],
    }
    const html = toHtml(tree)
    expect(html).not.toMatch(/javascript:|vbscript:|data:|onerror|<script/i)
    expect(html).toBe(
      '<p><a>x</a><img alt="y"></p>\n<figure id="user-content-f"><img alt="z" loading="lazy" decoding="async"><figcaption><a>s</a></figcaption></figure>',
    )
  })
})
