/**
 * The nodes of given types in a tree, in document order. The guide-level passes run over
 * every page on every load, several times a page, and only read: a plain walk of
 * `children` costs a fraction of `unist-util-visit`, which builds each node's list of
 * ancestors and supports changing the tree while it walks (the parse plugins use it).
 */
import type { Node, Parent } from 'unist'

/**
 * The node types the guide-level passes ask for: the first list asked of a tree lists
 * them all in one walk, so the passes that follow do not walk it again.
 */
const indexed = new Set(['link', 'image', 'figure', 'heading'])

/**
 * The lists already made, by tree and types, and the tree's nodes of the {@link indexed}
 * types. The guide-level passes change nodes' fields, never which nodes a tree has, so a
 * tree that a cache keeps across loads (the Vite plugin's) is walked once.
 */
const made = new WeakMap<Node, { indexed?: Node[]; lists: Map<string, Node[]> }>()

/**
 * Every node of `tree` (itself included) whose type is one of `types`, in document order.
 * The list is made once a tree: do not add or remove nodes of a tree after asking.
 */
export function nodesOf<T extends Node>(tree: Node, types: readonly T['type'][]): T[] {
  const key = types.length === 1 ? types[0]! : types.join(' ')
  let known = made.get(tree)
  const list = known?.lists.get(key)
  if (list) return list as T[]
  if (!known) made.set(tree, (known = { lists: new Map() }))
  const found = types.every((type) => indexed.has(type))
    ? (known.indexed ??= nodesWhere(tree, indexed)).filter((node) => types.includes(node.type))
    : nodesWhere(tree, new Set(types))
  known.lists.set(key, found)
  return found as T[]
}

/** The nodes of `tree` whose type is one of `types`, in document order, in one walk. */
function nodesWhere(tree: Node, types: ReadonlySet<string>): Node[] {
  const found: Node[] = []
  const walk = (node: Node): void => {
    if (types.has(node.type)) found.push(node)
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) walk(child)
  }
  walk(tree)
  return found
}

/**
 * A deep copy of `value` (plain data: a tree, or what holds trees) without the
 * `position` of its nodes, but for the nodes `keep` names: what is written out has no
 * use for positions, and they are most of a tree's size.
 */
export function withoutPositions<T>(value: T, keep?: (node: Node) => boolean): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutPositions(item, keep)) as T
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, unknown> = {}
  const kept = keep !== undefined && 'type' in value && keep(value as unknown as Node)
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || (key === 'position' && !kept)) continue
    copy[key] = withoutPositions(item, keep)
  }
  return copy as T
}
