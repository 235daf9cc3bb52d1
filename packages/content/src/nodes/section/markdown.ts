import type { Handle, Options } from 'mdast-util-to-markdown'
import type { Section } from '../../types.js'

const section: Handle = (node: Section, _parent, state, info) => state.containerFlow(node, info)

/** A section is written as its flow: the breaks and headings that split it are its syntax. */
export const sectionToMarkdown: Options = { handlers: { section } }
