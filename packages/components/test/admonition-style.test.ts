import type { Admonition } from '@ai-engineer/content'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { render } from './helpers.js'

/** mkdocs-material's qualifiers: each has colours of its own in the default palette. */
const kinds = [
  'note',
  'abstract',
  'info',
  'tip',
  'success',
  'question',
  'warning',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
]

const stylesheet = await readFile(
  createRequire(import.meta.url).resolve('@ai-engineer/components/style.css'),
  'utf8',
)

beforeEach(() => {
  const style = document.createElement('style')
  style.textContent = stylesheet
  document.head.append(style)
})

afterEach(() => {
  document.head.innerHTML = ''
  document.body.innerHTML = ''
})

/** The colours of an admonition of `kind` as the shipped stylesheet paints them. */
function colours(kind: string): { text: string; background: string; border: string } {
  const node: Admonition = {
    type: 'admonition',
    kind,
    title: null,
    collapsible: false,
    open: true,
    children: [],
  }
  const host = render(node)
  const title = getComputedStyle(host.querySelector('.aie-admonition-title')!)
  return {
    text: title.color,
    background: title.backgroundColor,
    border: getComputedStyle(host.querySelector('aside')!).getPropertyValue(
      '--aie-admonition-accent',
    ),
  }
}

/** `#rrggbb` or `rgb(r, g, b)` as channels 0–255. */
function channels(colour: string): [number, number, number] {
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(colour.trim())
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour.trim())
  const parts = hex ? hex.slice(1).map((part) => parseInt(part, 16)) : rgb?.slice(1).map(Number)
  if (!parts) throw new Error(`not an opaque colour: ${JSON.stringify(colour)}`)
  return parts as [number, number, number]
}

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

test('should measure contrast as WCAG does: black on white is 21, a colour on itself 1', () => {
  expect(contrast('#000000', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5)
  expect(contrast('#115cd4', '#115cd4')).toBe(1)
})

test.each(kinds)(
  'should give the %s title text a contrast of at least 4.5:1 on its bar and on white',
  (kind) => {
    const { text, background } = colours(kind)
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(text, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  },
)

test('should give every mkdocs-material kind colours of its own', () => {
  const accents = kinds.map((kind) => colours(kind).border)
  expect(accents.every((accent) => accent.trim() !== '')).toBe(true)
  expect(new Set(accents).size).toBe(kinds.length)
})

test('should paint a kind without colours of its own like note', () => {
  expect(colours('todo')).toEqual(colours('note'))
  expect(colours('todo')).not.toEqual(colours('warning'))
})

test('should let a page recolour a kind through its custom properties', () => {
  const theme = document.createElement('style')
  theme.textContent =
    '.aie-admonition--warning { --aie-admonition-accent: #111111; --aie-admonition-tint: #eeeeee; }'
  document.head.append(theme)
  expect(colours('warning')).toMatchObject({ text: '#111111', background: '#eeeeee' })
})
