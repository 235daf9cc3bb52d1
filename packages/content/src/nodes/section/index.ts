import type { NodeSpec } from '../types.js'
import type { Section } from '../../types.js'
import { headingToHast, sectionToHast } from './hast.js'
import { sectionToMarkdown } from './markdown.js'
import remarkGuideSections from './plugin.js'

/** Sections: made last, from thematic breaks and headings; written as their flow. */
export const sectionSpec: NodeSpec<Section> = {
  plugin: remarkGuideSections,
  phase: 'structure',
  toHast: sectionToHast,
  hastOverrides: { heading: headingToHast },
  toMarkdown: sectionToMarkdown,
  sanitize: {},
  nests: false,
}
