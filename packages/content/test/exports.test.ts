import { expect, test } from 'vitest'

test('should expose exactly the documented names from each entry point', async () => {
  expect(Object.keys(await import('@ai-engineer/content')).sort()).toEqual([
    'figureIds',
    'getFigure',
    'getPage',
    'getSection',
    'guide',
    'isSafeUrl',
    'pageIds',
    'safeProtocols',
    'sectionIds',
  ])
  expect(Object.keys(await import('@ai-engineer/content/parse')).sort()).toEqual([
    'GuideError',
    'defaultMaxBytes',
    'defaultMaxDelimiters',
    'defaultMaxNesting',
    'guideNodeTypes',
    'guideNodes',
    'guideProcessor',
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
})
