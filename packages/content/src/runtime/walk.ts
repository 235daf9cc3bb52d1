/**
 * Plain walks of a tree, for passes that only read it (or change a node's own fields):
 * `unist-util-visit` keeps each node's list of ancestors and lets a visitor change the
 * tree as it goes, which costs much of a parse when many passes need neither.
 */
import type { Text } from 'mdast'
import type { Node, Parent } from 'unist'
import type { Figure } from '../types.js'

/**
 * Call `each` on every node of `tree` (itself included) whose type is one of `types` (any
 * type without them), in document order, until it returns `false`. Do not add or
 * remove nodes while it walks.
 */
export function eachNode<T extends Node>(
  tree: Node,
  types: readonly string[] | undefined,
  each: (node: T) => boolean | undefined | void,
): void {
  const walk = (node: Node): boolean => {
    if ((!types || types.includes(node.type)) && each(node as T) === false) return false
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) if (!walk(child)) return false
    return true
  }
  walk(tree)
}

/** Whether `tree` has a node whose type is one of `types`. */
export function hasNode(tree: Node, types: readonly string[]): boolean {
  let found = false
  eachNode(tree, types, () => {
    found = true
    return false
  })
  return found
}

/** The figures of `tree`, in document order. */
export function figuresOf(tree: Node): Figure[] {
  const figures: Figure[] = []
  eachNode<Figure>(tree, ['figure'], (figure) => {
    figures.push(figure)
  })
  return figures
}

/**
 * Whether a text node of `tree`, outside nodes whose type is one of `ignore`, matches
 * `pattern` (a RegExp without the `g` or `y` flag). A pass that finds and replaces in text
 * skips a tree with no such node: a walk with `mdast-util-find-and-replace` costs far
 * more than this one, and most pages have nothing for it to find.
 */
export function someText(tree: Node, pattern: RegExp, ignore: readonly string[] = []): boolean {
  const walk = (node: Node): boolean => {
    if (node.type === 'text') return pattern.test((node as Text).value)
    if (ignore.includes(node.type)) return false
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) if (walk(child)) return true
    return false
  }
  return walk(tree)
}
