import type { AlignType, Root, RootContentMap } from 'mdast'
import type { Component } from 'vue'

/**
 * The `type` of any node a guide tree may hold: every node type registered on
 * mdast's `RootContentMap` (mdast, GFM and ours), and `root`.
 */
export type GuideNodeType = keyof RootContentMap | 'root'

/** The node interface for a node type: `GuideNodeOf<'figure'>` is `Figure`. */
export type GuideNodeOf<Type extends GuideNodeType> = Type extends 'root'
  ? Root
  : Type extends keyof RootContentMap
    ? RootContentMap[Type]
    : never

/** The component for one node type: it takes the single prop `node`, of that type. */
export type GuideComponentOf<Type extends GuideNodeType> = Component<{ node: GuideNodeOf<Type> }>

/**
 * Components that replace the built-in rendering of a node type. Each takes the
 * single prop `node`. Typed from mdast's `RootContentMap`, so every node type
 * registered there (our `section`, `figure`, `emoji` and `admonition` included) is a key.
 */
export type GuideComponents = {
  [Type in GuideNodeType]?: GuideComponentOf<Type> | undefined
}

/** A component for every node type: what the built-in map must be. */
export type GuideComponentMap = { readonly [Type in GuideNodeType]: GuideComponentOf<Type> }

/**
 * What a parent's built-in component may tell the built-in component of a
 * child, for output that depends on the parent (an override gets `node` only).
 */
export interface NodeVariants {
  /** Render the children without `<p>`: a paragraph in a tight list item. */
  paragraph: { bare?: boolean | undefined }
  /** Leave the id out: the section around the heading carries the same id. */
  heading: { withoutId?: boolean | undefined }
  /** Whether the list the item stands in is tight (else the item decides alone). */
  listItem: { tight?: boolean | undefined }
  /** A row of the table head (cells as `<th>`), and the table's column alignment. */
  tableRow: { head?: boolean | undefined; align?: (AlignType | undefined)[] | null | undefined }
  /** A head cell (`<th>`), and its column's alignment. */
  tableCell: { head?: boolean | undefined; align?: AlignType | undefined }
}

/** The variant props that a node's built-in component accepts (`never` when none). */
export type VariantOf<Node> = Node extends { type: infer Type }
  ? Type extends keyof NodeVariants
    ? NodeVariants[Type]
    : never
  : never
