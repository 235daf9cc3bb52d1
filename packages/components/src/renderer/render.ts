/**
 * How a node becomes a component: the override for its type if one is in
 * force, else its built-in component from `defaultComponents`, which may get
 * variant props from the parent's component (a tight list's items, a table's
 * head row, a section's heading). A type with neither renders its children.
 */
import type { Nodes } from 'mdast'
import { h, type Component, type FunctionalComponent, type VNode } from 'vue'
import { useRendererOptions } from './context.js'
import { defaultComponents } from './default-components.js'
import { warnOnce } from './dev.js'
import type { GuideComponents, VariantOf } from './types.js'

/** `map[type]` when `map` has it as its own key (a type named `constructor` is no built-in). */
function own(map: object, type: string): Component | undefined {
  return Object.hasOwn(map, type) ? (map as Record<string, Component | undefined>)[type] : undefined
}

/** The component for `type`: the override in `components`, else the built-in one, else {@link UnknownNode}. */
export function componentFor(components: GuideComponents, type: string): Component {
  return own(components, type) ?? own(defaultComponents, type) ?? UnknownNode
}

function render(node: Nodes, variant: object | undefined): VNode {
  const component = componentFor(useRendererOptions().value.components, node.type)
  const builtIn = variant !== undefined && component === own(defaultComponents, node.type)
  return h(component, builtIn ? { ...variant, node } : { node })
}

/**
 * Render `node` with the component in force for its type. `variant` goes to
 * the built-in component only: an override gets the single prop `node`.
 * Call it while rendering a component (it reads the renderer's options).
 */
export const renderChild: <Node extends Nodes>(node: Node, variant?: VariantOf<Node>) => VNode =
  render

/** The children of a parent node type. */
export type ChildOf<Parent> = Parent extends { children: (infer Child)[] } ? Child : never

/** Render the children of `node` (none for a literal), each with the variant `variant` gives it. */
export function renderChildren<Parent extends Nodes>(
  node: Parent,
  variant?: (child: ChildOf<Parent>) => VariantOf<ChildOf<Parent>> | undefined,
): VNode[] {
  if (!('children' in node)) return []
  return (node.children as ChildOf<Parent>[]).map((child) =>
    render(child as Nodes, variant?.(child)),
  )
}

/** The children of `node`, for templates: `<NodeChildren :node="node" />`. */
export const NodeChildren: FunctionalComponent<{
  node: Nodes
  /** A function of the child: the variant its built-in component gets. */
  variant?: ((child: never) => object | undefined) | undefined
}> = ({ node, variant }) =>
  renderChildren(node, variant as ((child: Nodes) => undefined) | undefined)

/** A node type without a component: its children, and a warning (in development, once per type). */
export const UnknownNode: FunctionalComponent<{ node: Nodes }> = ({ node }) => {
  warnOnce(
    `unknown:${node.type}`,
    `No renderer for node type \`${node.type}\`: rendering its children. Pass one in \`components\`.`,
  )
  return renderChildren(node)
}
