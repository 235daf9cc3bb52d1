/**
 * What a node type of ours brings: everything about it lives in its folder
 * (`src/nodes/<name>/`), described by one {@link NodeSpec}; the registry in
 * `./index.ts` lists them, and the processor, `toHtml`, `toMarkdown` and the
 * limits are derived from it.
 */
import type { Element, ElementContent } from 'hast'
import type { Parents, Root } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown'
import type { Options as SanitizeSchema } from 'rehype-sanitize'
import type { Plugin } from 'unified'
import type { GuideNode } from '../types.js'

/**
 * When a node's remark plugin runs its transform: on the raw tree, before
 * raw HTML is given a meaning or rejected (`raw`); after that (`inline`); or
 * once every other plugin has run (`structure`).
 */
export type NodePhase = 'raw' | 'inline' | 'structure'

/** What a block of a given node type adds to `rehype-sanitize`'s schema. */
export interface SanitizeAdditions {
  tagNames?: string[]
  attributes?: NonNullable<SanitizeSchema['attributes']>
}

/** One node type of ours, in one place. */
export interface NodeSpec<Node extends GuideNode> {
  /**
   * The remark plugin that makes the node: it registers its syntax extensions
   * (and its `toMarkdownExtensions`) through `this.data()`, and may return a
   * transform.
   */
  plugin: Plugin<[], Root>
  /** When the plugin's transform runs. */
  phase: NodePhase
  /** The `mdast-util-to-hast` handler (also used by `remark-rehype`). */
  toHast: (state: State, node: Node, parent: Parents | undefined) => Element | ElementContent[]
  /** More `mdast-util-to-hast` handlers the node needs for nodes inside it. */
  hastOverrides?: Partial<Record<string, (state: State, node: never) => Element>>
  /** The `mdast-util-to-markdown` extension that writes the node. */
  toMarkdown: ToMarkdownExtension
  /** The HTML the node's hast handler makes that the base schema does not allow. */
  sanitize: SanitizeAdditions
  /** Whether the node is a level for the `maxNesting` limit. */
  nests: boolean
  /**
   * A line that opens the node as a container, its body indented four
   * columns: the text scan counts it as a level of nesting before parsing.
   */
  opensContainer?: RegExp
}

/** Every node type of ours, each with its spec: a missing one is a type error. */
export type NodeRegistry = {
  [Type in GuideNode['type']]: NodeSpec<Extract<GuideNode, { type: Type }>>
}
