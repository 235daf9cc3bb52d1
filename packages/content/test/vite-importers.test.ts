/**
 * Which of the dev server's two guide modules a module gets: the index alone when all it
 * imports from the guide are the index's names, else the whole module.
 */
import { describe, expect, test } from 'vitest'
import { indexNames } from '../src/guide/source.js'
import { importsOnly } from '../src/vite/importers.js'

const only = (source: string, specifier = 'virtual:guides'): boolean =>
  importsOnly(source, specifier, indexNames)

describe('importsOnly()', () => {
  test.each([
    "import { loadPage } from 'virtual:guides'",
    'import { loadPage, guideIndex as index, pageIds } from "virtual:guides";',
    "import{loadPage}from'virtual:guides'",
    "import {\n  loadPage,\n  type PageId,\n} from 'virtual:guides'\nimport.meta.hot?.accept('virtual:guides', () => {})",
    "import type { Guide } from 'virtual:guides'\nimport { sectionIds } from 'virtual:guides'",
    "export { loadPage } from 'virtual:guides'",
    "export const a = 1\nimport { figureIds } from 'virtual:guides'",
    "<script setup lang=\"ts\">\nimport { loadPage } from 'virtual:guides'\nconst page = await loadPage('intro')\n</script>",
  ])('should serve the index alone to %j', (source) => {
    expect(only(source)).toBe(true)
  })

  test.each([
    "import { guide } from 'virtual:guides'",
    "import { loadPage, getPage } from 'virtual:guides'",
    "import { loadPage } from 'virtual:guides'\nimport { getSection as section } from 'virtual:guides'",
    "import * as guides from 'virtual:guides'",
    "import guides from 'virtual:guides'",
    "import guides, { loadPage } from 'virtual:guides'",
    "export * from 'virtual:guides'",
    "export * as guides from 'virtual:guides'",
    "import { loadPage } from 'virtual:guides'\nconst all = await import('virtual:guides')",
    "import type { Guide } from 'virtual:guides'",
    "import.meta.hot.accept('virtual:guides', () => {})",
    "import { loadPage } from 'virtual:guides-other'",
    '',
  ])('should serve the whole module to %j', (source) => {
    expect(only(source)).toBe(false)
  })

  test('should match the specifier exactly, a package name included', () => {
    const source = "import { loadPage } from '@ai-engineer/content'"
    expect(only(source, '@ai-engineer/content')).toBe(true)
    expect(only(source, '@ai-engineer/content/vite')).toBe(false)
    expect(only("import { loadPage } from 'virtualXguides'")).toBe(false)
  })
})
