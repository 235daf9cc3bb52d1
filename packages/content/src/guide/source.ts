/**
 * The module a compiled guide is served or written as: its data, and the runtime that
 * gives it the main entry's API. The Vite plugin serves it; `ai-engineer-content build`
 * writes it, with a declaration file of the same API typed by the guide's ids.
 */
import type { GuideData } from '../runtime/index.js'
import { apiDeclarations, idTypes, type GuideIds } from './ids.js'

/** The names the module exports: the main entry's API. */
export const apiNames = [
  'guide',
  'pageIds',
  'sectionIds',
  'figureIds',
  'getPage',
  'getSection',
  'getFigure',
] as const

/** The JavaScript of the module of `data`, importing `guideModule` from `runtime`. */
export function moduleSource(data: GuideData, runtime: string): string {
  return [
    `import { guideModule } from ${JSON.stringify(runtime)}`,
    '// JSON.parse of a string literal is the fastest way for an engine to load data.',
    `const m = guideModule(JSON.parse(${JSON.stringify(JSON.stringify(data))}))`,
    `export const { ${apiNames.join(', ')} } = m`,
    '',
  ].join('\n')
}

/** The declaration file of that module: the guide's id types and the API typed by them. */
export function declarationSource(ids: GuideIds): string {
  return [
    "import type { Figure, Guide, GuidePage, Section } from '@ai-engineer/content/parse'",
    "export type * from '@ai-engineer/content/parse'",
    '',
    idTypes(ids),
    '',
    apiDeclarations(),
    '',
  ].join('\n')
}
