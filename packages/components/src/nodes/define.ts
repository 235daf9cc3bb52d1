import type { FunctionalComponent, VNodeChild } from 'vue'
import type { GuideNodeOf, GuideNodeType, NodeVariants } from '../renderer/types.js'

/** The props of the built-in component of `Type`: `node`, and the variant its parent may give. */
export type NodeProps<Type extends GuideNodeType> = {
  node: GuideNodeOf<Type>
} & (Type extends keyof NodeVariants ? NodeVariants[Type] : unknown)

/** A built-in node component: a function of the node (and its variant) to what it renders. */
export type NodeComponent<Type extends GuideNodeType> = FunctionalComponent<NodeProps<Type>>

/** A built-in node component from its render function. */
export function node<Type extends GuideNodeType>(
  render: (props: NodeProps<Type>) => VNodeChild,
): NodeComponent<Type> {
  return render
}
