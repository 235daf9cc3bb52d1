import { relativeLinkUrl, type LinkUrl } from '@ai-engineer/content'
import { computed, type App, type Plugin } from 'vue'
import HiddenDebtDiagram from './diagrams/HiddenDebtDiagram.vue'
import LifecycleDiagram from './diagrams/LifecycleDiagram.vue'
import GuideAdmonition from './nodes/GuideAdmonition.vue'
import GuideEmoji from './nodes/GuideEmoji.vue'
import GuideFigure from './nodes/GuideFigure.vue'
import GuideSection from './nodes/GuideSection.vue'
import { rendererOptionsKey } from './renderer/context.js'
import GuideRenderer from './renderer/GuideRenderer.vue'
import type { GuideComponents } from './renderer/types.js'

/** Options of the {@link AiEngineerComponents} plugin. */
export interface AiEngineerComponentsOptions {
  /**
   * Whether figures that have a native diagram show it (default `true`) or
   * their original `<img>`, app-wide. A `GuideRenderer`'s `diagrams` prop wins.
   */
  diagrams?: boolean | undefined
  /** App-wide node type → component overrides; a `GuideRenderer`'s `components` win. */
  components?: GuideComponents | undefined
  /**
   * App-wide URL of a link between pages (default: relative to each page at `<id>/`);
   * a `GuideRenderer`'s `linkUrl` wins.
   */
  linkUrl?: LinkUrl | undefined
}

/** Every component, by the name the plugin registers it under. */
const components = {
  GuideRenderer,
  GuideSection,
  GuideFigure,
  GuideEmoji,
  GuideAdmonition,
  HiddenDebtDiagram,
  LifecycleDiagram,
}

/**
 * A Vue plugin that registers every component globally (`app.use(AiEngineerComponents)`)
 * and sets app-wide renderer options.
 */
export const AiEngineerComponents: Plugin<[AiEngineerComponentsOptions?]> = {
  install(app: App, options: AiEngineerComponentsOptions = {}): void {
    for (const [name, component] of Object.entries(components)) app.component(name, component)
    const { diagrams = true, components: overrides = {}, linkUrl = relativeLinkUrl } = options
    app.provide(
      rendererOptionsKey,
      computed(() => ({ components: overrides, diagrams, linkUrl })),
    )
  },
}

declare module 'vue' {
  export interface GlobalComponents {
    GuideRenderer: typeof GuideRenderer
    GuideSection: typeof GuideSection
    GuideFigure: typeof GuideFigure
    GuideEmoji: typeof GuideEmoji
    GuideAdmonition: typeof GuideAdmonition
    HiddenDebtDiagram: typeof HiddenDebtDiagram
    LifecycleDiagram: typeof LifecycleDiagram
  }
}
