import type { Nodes } from 'mdast'
import { computed, inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { GuideComponents } from './types.js'

/** What a {@link GuideRenderer} passes down to every renderer below it. */
export interface RendererOptions {
  /** Node type → component overrides. */
  components: GuideComponents
  /** Whether figures with a native diagram show it (`true`) or their original `<img>`. */
  diagrams: boolean
}

/** The renderer options in force: set by the plugin, a `GuideRenderer`'s props, or the defaults. */
export const rendererOptionsKey: InjectionKey<Readonly<Ref<RendererOptions>>> = Symbol(
  'ai-engineer:renderer-options',
)

const defaults: Readonly<Ref<RendererOptions>> = /* @__PURE__ */ computed(() => ({
  components: {},
  diagrams: true,
}))

/** The options of the nearest renderer (or the plugin's, or the defaults). */
export function useRendererOptions(): Readonly<Ref<RendererOptions>> {
  return inject(rendererOptionsKey, defaults)
}

/**
 * Merge `own` over the inherited options and pass the result down; when `own`
 * sets nothing, the inherited options pass through unchanged.
 */
export function provideRendererOptions(
  own: () => { [Key in keyof RendererOptions]?: RendererOptions[Key] | undefined } | undefined,
): ComputedRef<RendererOptions> {
  const inherited = useRendererOptions()
  const merged = computed(() => {
    const mine = own()
    const base = inherited.value
    if (!mine) return base
    return {
      components: mine.components ? { ...base.components, ...mine.components } : base.components,
      diagrams: mine.diagrams ?? base.diagrams,
    }
  })
  provide(rendererOptionsKey, merged)
  return merged
}

/** A link in the chain of nodes being rendered, innermost first. */
export interface NodeLink {
  readonly node: Nodes
  readonly parent: NodeLink | undefined
}

const parentKey: InjectionKey<NodeLink> = Symbol('ai-engineer:parent-node')

/**
 * Register `node` as the parent of every node rendered below this component,
 * and return the link of its own parent. A node component that renders its
 * children (section, figure) calls it, so a heading knows its section even
 * when `GuideSection` is used without a `GuideRenderer` around it.
 */
export function useNodeLink(node: () => Nodes): NodeLink | undefined {
  const inherited = inject(parentKey, undefined)
  // The renderer of a section and the section component both register the
  // same node: keep one link per node, so grandparents stay grandparents.
  const parent = inherited && inherited.node === node() ? inherited.parent : inherited
  provide(parentKey, {
    get node() {
      return node()
    },
    parent,
  })
  return parent
}
