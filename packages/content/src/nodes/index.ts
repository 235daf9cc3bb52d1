/**
 * The registry of our node types: one line per node. Everything that has to
 * know every node type — the processor's plugins, `toHtml`'s handlers and
 * sanitize schema, `toMarkdown`'s extensions, the nesting limit, the list of
 * node types — is derived from it here, and `satisfies NodeRegistry` makes a
 * node type of `GuideNode` without an entry a type error.
 */
import type { Handlers } from 'mdast-util-to-hast'
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown'
import type { Options as SanitizeSchema } from 'rehype-sanitize'
import type { GuideNode } from '../types.js'
import { admonitionSpec } from './admonition/index.js'
import { emojiSpec } from './emoji/index.js'
import { figureSpec } from './figure/index.js'
import { sectionSpec } from './section/index.js'
import type { NodePhase, NodeRegistry, NodeSpec } from './types.js'

export type { NodePhase, NodeRegistry, NodeSpec, SanitizeAdditions } from './types.js'
export { default as remarkGuideEmoji } from './emoji/plugin.js'
export { default as remarkGuideFigure } from './figure/plugin.js'
export { default as remarkGuideSections } from './section/plugin.js'
export { attributeNames, depth, isElement, parseFragment, significant } from './html-fragment.js'

/** Every node type of ours and where it lives. */
export const guideNodes = {
  section: sectionSpec,
  figure: figureSpec,
  emoji: emojiSpec,
  admonition: admonitionSpec,
} as const satisfies NodeRegistry

const specs: NodeSpec<GuideNode>[] = Object.values(guideNodes) as NodeSpec<GuideNode>[]

/** The `type` of every node of ours, in registry order. */
export const guideNodeTypes = Object.keys(guideNodes) as GuideNode['type'][]

/** The remark plugins of the nodes whose transform runs in `phase`, in registry order. */
export function nodePlugins(phase: NodePhase): NodeSpec<GuideNode>['plugin'][] {
  return specs.filter((spec) => spec.phase === phase).map((spec) => spec.plugin)
}

/** `mdast-util-to-hast` handlers for our nodes (and the nodes they render differently). */
export const nodeHastHandlers: Partial<Handlers> = Object.assign(
  {},
  ...Object.entries(guideNodes).map(([type, spec]) => ({
    ...(spec as NodeSpec<GuideNode>).hastOverrides,
    [type]: spec.toHast,
  })),
) as Partial<Handlers>

/** The `mdast-util-to-markdown` extensions that write our nodes. */
export const nodeMarkdownExtensions: ToMarkdownExtension[] = specs.map((spec) => spec.toMarkdown)

/** Our node types that count as a level for `maxNesting`. */
export const nestingNodeTypes: readonly string[] = guideNodeTypes.filter(
  (type) => guideNodes[type].nests,
)

/** Lines that open one of our container nodes, for the text scan before parsing. */
export const containerOpeners: readonly RegExp[] = specs.flatMap((spec) =>
  spec.opensContainer ? [spec.opensContainer] : [],
)

/** `schema` widened with every node's sanitize additions (tag names and attributes). */
export function withNodeSanitize(schema: SanitizeSchema): SanitizeSchema {
  const tagNames = [...(schema.tagNames ?? [])]
  const attributes = { ...schema.attributes }
  for (const { sanitize } of specs) {
    tagNames.push(...(sanitize.tagNames ?? []).filter((name) => !tagNames.includes(name)))
    for (const [tag, allowed] of Object.entries(sanitize.attributes ?? {})) {
      attributes[tag] = [...(attributes[tag] ?? []), ...allowed]
    }
  }
  return { ...schema, tagNames, attributes }
}
