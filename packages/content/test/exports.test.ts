import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'

test('should expose exactly the documented names from each entry point', async () => {
  expect(Object.keys(await import('@ai-engineer/content')).sort()).toEqual([
    'figureIds',
    'getFigure',
    'getPage',
    'getSection',
    'guide',
    'guideIndex',
    'isSafeUrl',
    'loadPage',
    'pageIds',
    'pageUrl',
    'relativeLinkUrl',
    'safeProtocols',
    'sectionIds',
  ])
  expect(Object.keys(await import('@ai-engineer/content/parse')).sort()).toEqual([
    'GuideError',
    'checkGuide',
    'defaultMaxBytes',
    'defaultMaxDelimiters',
    'defaultMaxNesting',
    'guideNodeTypes',
    'guideNodes',
    'guideProcessor',
    'guideRules',
    'parseGuide',
    'remarkGuideEmoji',
    'remarkGuideFigure',
    'remarkGuideFrontmatter',
    'remarkGuideHtml',
    'remarkGuideParse',
    'remarkGuideReferences',
    'remarkGuideSections',
    'remarkGuideUrls',
  ])
  expect(Object.keys(await import('@ai-engineer/content/html')).sort()).toEqual([
    'guideSanitizeSchema',
    'toHtml',
  ])
  expect(Object.keys(await import('@ai-engineer/content/markdown')).sort()).toEqual([
    'guideToMarkdown',
    'toMarkdown',
  ])
  expect(Object.keys(await import('@ai-engineer/content/jsx')).sort()).toEqual(['toJsx'])
  expect(Object.keys(await import('@ai-engineer/content/derived')).sort()).toEqual([
    'derivePage',
    'derivedPages',
    'excerptLength',
    'getDerivedPage',
    'wordsPerMinute',
  ])
  expect(Object.keys(await import('@ai-engineer/content/search')).sort()).toEqual([
    'searchDocuments',
    'searchFields',
  ])
  expect(Object.keys(await import('@ai-engineer/content/vite')).sort()).toEqual([
    'GuidesError',
    'guides',
    'liveGuides',
  ])
})

test('should export exactly the documented subpaths', async () => {
  const manifest = (await import('@ai-engineer/content/package.json', { with: { type: 'json' } }))
    .default as { exports: Record<string, unknown> }
  expect(Object.keys(manifest.exports)).toEqual([
    '.',
    './parse',
    './html',
    './markdown',
    './jsx',
    './derived',
    './search',
    './vite',
    './astro',
    './schema.json',
    './llms.txt',
    './llms-full.txt',
    './llms/*.md',
    './guide/*.md',
    './package.json',
  ])
})

test('should build the main entry as one module that imports nothing but its pages, on demand', async () => {
  const main = await readFile(new URL(import.meta.resolve('@ai-engineer/content')), 'utf8')
  // Static imports and re-exports (`import … from`, `export … from`, `import '…'`).
  expect(main).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s*["']|^\s*import\s*["']/m)
  const dynamic = [...main.matchAll(/\bimport\s*\(\s*("[^"]*")?/g)].map((match) => match[1])
  expect(dynamic).toEqual(['"./pages/intro.js"'])
  expect(main).toContain('function isSafeUrl(')
})
