/**
 * The tree check straight after parsing, before any plugin walks the tree:
 * the exact nesting, counted without recursion so that a deep tree cannot
 * overflow the stack here.
 */
import type { Nodes, Root } from 'mdast'
import type { Position } from 'unist'
import { nestingNodeTypes } from '../../nodes/index.js'

/** Nodes that nest: each one is a level for `maxNesting` (mdast's, then ours from the registry). */
const nesting = new Set<string>([
  'blockquote',
  'listItem',
  'footnoteDefinition',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  ...nestingNodeTypes,
])

/** The first node nested deeper than `maxNesting` levels, if any, with its position. */
export function tooDeep(tree: Root, maxNesting: number): { position?: Position } | undefined {
  const stack: [Nodes, number][] = [[tree, 0]]
  while (stack.length > 0) {
    const [node, level] = stack.pop()!
    const depth = nesting.has(node.type) ? level + 1 : level
    if (depth > maxNesting) return node.position ? { position: node.position } : {}
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push([node.children[index]!, depth])
      }
    }
  }
  return undefined
}
