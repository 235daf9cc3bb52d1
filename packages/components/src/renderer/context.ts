import { relativeLinkUrl, type LinkUrl } from '@ai-engineer/content'
import { computed, inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'
import type { GuideComponents } from './types.js'

/** What a {@link GuideRenderer} passes down to every node rendered below it. */
export interface RendererOptions {
  /** Node type → component overrides (merged over the built-in map when a node renders). */
  components: GuideComponents
  /** Whether figures with a native diagram show it (`true`) or their original `<img>`. */
  diagrams: boolean
  /**
   * The URL of a link between pages (`data.pageLink`), as the content package's renderers
   * take it. Default: `relativeLinkUrl`, relative to each page at `<id>/`.
   */
  linkUrl: LinkUrl
}

/** The renderer options in force: set by the plugin, a `GuideRenderer`'s props, or the defaults. */
export const rendererOptionsKey: InjectionKey<Readonly<Ref<RendererOptions>>> = Symbol(
  'ai-engineer:renderer-options',
)

const defaults: Readonly<Ref<RendererOptions>> = /* @__PURE__ */ computed(() => ({
  components: {},
  diagrams: true,
  linkUrl: relativeLinkUrl,
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
      linkUrl: mine.linkUrl ?? base.linkUrl,
    }
  })
  provide(rendererOptionsKey, merged)
  return merged
}
