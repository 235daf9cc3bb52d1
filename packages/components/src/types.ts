import type { Root, RootContentMap } from 'mdast'
import type { Component } from 'vue'

/** The `type` of any node a guide tree may hold: every mdast node, ours included, and `root`. */
export type GuideNodeType = keyof RootContentMap | 'root'

/** The node interface for a node type: `GuideNodeOf<'figure'>` is `Figure`. */
export type GuideNodeOf<Type extends GuideNodeType> = Type extends 'root'
  ? Root
  : Type extends keyof RootContentMap
    ? RootContentMap[Type]
    : never

/**
 * Components that replace the built-in rendering of a node type. Each takes the
 * single prop `node`. Typed from mdast's `RootContentMap`, so every node type
 * registered there (our `section`, `figure` and `emoji` included) is a key.
 */
export type GuideComponents = {
  [Type in GuideNodeType]?: Component<{ node: GuideNodeOf<Type> }> | undefined
}
