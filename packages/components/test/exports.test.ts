import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { expect, test } from 'vitest'

test('should expose exactly the documented names', async () => {
  expect(Object.keys(await import('@ai-engineer/components')).sort()).toEqual([
    'AiEngineerComponents',
    'GuideAdmonition',
    'GuideEmoji',
    'GuideFigure',
    'GuideRenderer',
    'GuideSection',
    'HiddenDebtDiagram',
    'LifecycleDiagram',
    'defaultComponents',
  ])
})

test('should name every component after its export, for devtools and global registration', async () => {
  const module = await import('@ai-engineer/components')
  for (const name of [
    'GuideAdmonition',
    'GuideEmoji',
    'GuideFigure',
    'GuideRenderer',
    'GuideSection',
    'HiddenDebtDiagram',
    'LifecycleDiagram',
  ] as const) {
    expect(module[name].name).toBe(name)
  }
})

test('should ship the stylesheet as @ai-engineer/components/style.css, with the documented custom properties', async () => {
  const require = createRequire(import.meta.url)
  const css = await readFile(require.resolve('@ai-engineer/components/style.css'), 'utf8')
  for (const selector of [
    '.aie-figure',
    '.aie-figure-caption',
    '.aie-diagram',
    '.aie-emoji',
    '.aie-admonition',
    '.aie-admonition-title',
  ]) {
    expect(css).toContain(selector)
  }
  for (const property of [
    '--aie-figure-margin',
    '--aie-caption-color',
    '--aie-caption-size',
    '--aie-caption-align',
    '--aie-diagram-max-height',
    '--aie-emoji-font',
    '--aie-admonition-accent',
    '--aie-admonition-tint',
    '--aie-admonition-margin',
    '--aie-admonition-bg',
  ]) {
    expect(css).toContain(property)
  }
})

test('should keep vue and @ai-engineer/content out of the bundle', async () => {
  const require = createRequire(import.meta.url)
  const js = await readFile(require.resolve('@ai-engineer/components'), 'utf8')
  expect(js).toMatch(/from "vue"/)
  expect(js).toMatch(/from "@ai-engineer\/content"/)
  expect(js).not.toContain('createRenderer(')
})
