import { HiddenDebtDiagram, LifecycleDiagram } from '@ai-engineer/components'
import { mount } from '@vue/test-utils'
import { describe, expect, test } from 'vitest'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'

const diagrams: [string, Component, string[]][] = [
  [
    'HiddenDebtDiagram',
    HiddenDebtDiagram,
    [
      'ML Code',
      'Configuration',
      'Data Collection',
      'Feature Extraction',
      'Data Verification',
      'Machine Resource Management',
      'Analysis Tools',
      'Process Management Tools',
      'Serving Infrastructure',
      'Monitoring',
    ],
  ],
  [
    'LifecycleDiagram',
    LifecycleDiagram,
    [
      'Model Building',
      'Model Evaluation and Experimentation',
      'Productionize Model',
      'Testing',
      'Deployment',
      'Monitoring and Observability',
      'Data',
      'Code',
      'Model',
      'Monitoring feeds back into model building',
    ],
  ],
]

/** The text of each <text> element, its lines joined by spaces. */
function labels(svg: SVGElement): string[] {
  return [...svg.querySelectorAll('text')].map((text) =>
    (text.querySelectorAll('tspan').length > 0
      ? [...text.querySelectorAll('tspan')].map((line) => line.textContent)
      : [text.textContent]
    ).join(' '),
  )
}

describe.each(diagrams)('%s', (_, diagram, expected) => {
  test('should be an accessible image: role="img", labelled by its <title>, described by its <desc>', () => {
    const svg = mount(diagram).element as SVGElement
    expect(svg.tagName.toLowerCase()).toBe('svg')
    expect(svg.getAttribute('role')).toBe('img')
    const title = svg.querySelector('title')!
    const desc = svg.querySelector('desc')!
    expect(svg.firstElementChild).toBe(title)
    expect(svg.getAttribute('aria-labelledby')).toBe(title.id)
    expect(svg.getAttribute('aria-describedby')).toBe(desc.id)
    expect(title.textContent).not.toBe('')
    for (const label of expected)
      expect(desc.textContent!.toLowerCase()).toContain(label.toLowerCase())
  })

  test('should set every label as real <text>', () => {
    const svg = mount(diagram).element as SVGElement
    const found = labels(svg)
    for (const label of expected) expect(found).toContain(label)
  })

  test('should size by viewBox and load nothing: no images, fonts, links or foreign objects', async () => {
    const svg = mount(diagram).element as SVGElement
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/)
    expect(svg.querySelector('image, use, a, foreignObject, style, script')).toBeNull()
    const html = await renderToString(createSSRApp({ render: () => h(diagram) }))
    expect(html).not.toMatch(/href=|url\(|@import|@font-face/)
  })

  test('should take its colours from CSS custom properties, with fallbacks', async () => {
    const html = await renderToString(createSSRApp({ render: () => h(diagram) }))
    for (const property of ['--aie-diagram-fg', '--aie-diagram-box', '--aie-diagram-stroke']) {
      expect(html).toMatch(new RegExp(`var\\(${property}, [^)]+\\)`))
    }
    expect(html).not.toMatch(/fill="#|stroke="#/)
  })

  test('should take a title and a description from its props', () => {
    const svg = mount(diagram, { props: { title: 'Eigene', description: 'Beschreibung' } })
      .element as SVGElement
    expect(svg.querySelector('title')!.textContent).toBe('Eigene')
    expect(svg.querySelector('desc')!.textContent).toBe('Beschreibung')
  })

  test('should give two copies on one page distinct title ids', () => {
    const host = document.createElement('div')
    document.body.append(host)
    mount({ render: () => [h(diagram), h(diagram)] }, { attachTo: host })
    const ids = [...host.querySelectorAll('title')].map((title) => title.id)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
    host.remove()
  })
})

test('should draw ML Code as the smallest box of the hidden debt diagram', () => {
  const svg = mount(HiddenDebtDiagram).element as SVGElement
  const areas = [...svg.querySelectorAll('rect[rx]')].map(
    (rect) => Number(rect.getAttribute('width')) * Number(rect.getAttribute('height')),
  )
  const mlCode = svg.querySelector('text[font-weight="700"]')!
  expect(mlCode.textContent).toBe('ML Code')
  const mlArea = Math.min(...areas)
  expect(areas.filter((area) => area === mlArea)).toHaveLength(1)
  expect(areas.filter((area) => area > mlArea * 3)).toHaveLength(areas.length - 1)
})

test('should order the life cycle stages left to right', () => {
  const svg = mount(LifecycleDiagram).element as SVGElement
  const stages = [...svg.querySelectorAll('text')]
    .filter((text) => text.querySelectorAll('tspan').length > 0)
    .map((text) => Number(text.querySelector('tspan')!.getAttribute('x')))
  expect(stages).toHaveLength(6)
  expect([...stages].sort((a, b) => a - b)).toEqual(stages)
})
