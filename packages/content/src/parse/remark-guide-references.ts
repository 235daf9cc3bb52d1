import type { Definition, Nodes, Parent, Root } from 'mdast'
import type { Plugin } from 'unified'
import { SKIP, visit } from 'unist-util-visit'
import { eachNode } from '../runtime/index.js'

/** Options of {@link remarkGuideReferences}: none yet. */
export interface ReferenceOptions {}

/**
 * Resolve reference-style links and images (`[text][id]`, `![alt][id]`)
 * into plain links and images, and drop the definitions, so that every
 * section stands alone: a renderer needs no lookup across the page, and a
 * section can be shown on a slide of its own.
 */
const remarkGuideReferences: Plugin<[(Readonly<ReferenceOptions> | null | undefined)?], Root> =
  function () {
    return function (tree) {
      const definitions = new Map<string, Definition>()
      eachNode<Definition>(tree, ['definition'], (node) => {
        // The first definition of an identifier wins, as in CommonMark.
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
      })
      if (definitions.size === 0) return

      visit(tree, (found, index, parent: Parent | undefined) => {
        if (!parent || index === undefined) return
        const node = found as Nodes
        if (node.type === 'definition') {
          parent.children.splice(index, 1)
          return [SKIP, index]
        }
        if (node.type === 'linkReference') {
          const definition = definitions.get(node.identifier)
          if (!definition) return
          parent.children[index] = {
            type: 'link',
            url: definition.url,
            title: definition.title ?? null,
            children: node.children,
            ...(node.position ? { position: node.position } : {}),
          }
        } else if (node.type === 'imageReference') {
          const definition = definitions.get(node.identifier)
          if (!definition) return
          parent.children[index] = {
            type: 'image',
            url: definition.url,
            title: definition.title ?? null,
            alt: node.alt ?? null,
            ...(node.position ? { position: node.position } : {}),
          }
        }
        return undefined
      })
    }
  }

export default remarkGuideReferences
