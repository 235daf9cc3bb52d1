// Type-checked under `moduleResolution: nodenext` and `bundler`, never run: what a
// TypeScript user writes against the published types. The tsconfigs skip lib checks (a
// user's usual setting, and fast); the `@ts-expect-error` lines below fail if our types
// ever decay to `any` (an unresolved import in a .d.ts would do that silently).
import {
  getFigure,
  getSection,
  guide,
  sectionIds,
  type GuidePage,
  type SectionId,
} from '@ai-engineer/content'
import { GuideRenderer, type GuideRendererProps } from '@ai-engineer/components'
import { h } from 'vue'
import { renderToString } from 'vue/server-renderer'

const page: GuidePage | undefined = guide.pages[0]
if (page) {
  const props: GuideRendererProps = { node: page.tree }
  const html: Promise<string> = renderToString(h(GuideRenderer, props))
  void html
}

// Ids are literal types: a section that does not exist fails to type-check.
const id: SectionId = 'ai-engineers'
const ids: readonly SectionId[] = sectionIds.intro
// @ts-expect-error: not a section of the page
getSection('intro', 'ai-engineerz')
// @ts-expect-error: not a page of the guide
getSection('outro', 'ai-engineers')

// Our nodes are registered on mdast: narrowing on `type` reaches their fields.
const sources: string[] = []
for (const child of getSection('intro', id).children) {
  if (child.type === 'figure') sources.push(child.src)
}
const caption: string = getFigure('intro', 'technical-debt').alt

// A node prop must be a node.
// @ts-expect-error: 42 is not a node
const wrong: GuideRendererProps = { node: 42 }

export { caption, ids, sources, wrong }
