// A consumer's file: compiled by types.test.ts under moduleResolution nodenext and bundler,
// against the built package (dist/*.d.ts), as a user would get it from npm.
import { getFigure, getSection, guide, type Figure, type SectionId } from '@ai-engineer/content'
import { toHtml } from '@ai-engineer/content/html'
import { toMarkdown } from '@ai-engineer/content/markdown'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { RootContent } from 'mdast'

// Our nodes are part of mdast: narrowing on `type` reaches their fields.
export function figureSources(nodes: RootContent[]): string[] {
  const sources: string[] = []
  for (const node of nodes) {
    if (node.type === 'figure') sources.push(node.src, node.alt, node.id)
    if (node.type === 'emoji') sources.push(node.name, node.value)
    if (node.type === 'section') sources.push(...figureSources(node.children))
  }
  return sources
}

export const all: string[] = figureSources(guide.pages[0]!.tree.children)
export const id: SectionId = 'ai-engineers'
export const section = getSection('intro', id)
export const figure: Figure = getFigure('intro', 'technical-debt')
export const html: string = toHtml(section)
export const markdown: string = toMarkdown(guide.pages[0]!)

// @ts-expect-error: a section id that does not exist is a type error
getSection('intro', 'not-a-section')
// @ts-expect-error: so is a figure id
getFigure('intro', 'technical_debt')
// @ts-expect-error: and a page id
getSection('nope', 'opening')

export async function check(text: string): Promise<string> {
  try {
    return (await parseGuide(text, { path: 'x.md' })).title
  } catch (error) {
    if (error instanceof GuideError) return error.messages.map((m) => m.reason).join('\n')
    throw error
  }
}
