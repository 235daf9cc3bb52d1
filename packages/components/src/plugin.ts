import { computed, type App, type Plugin } from 'vue'
import { rendererOptionsKey } from './context.js'
import GuideEmoji from './GuideEmoji.vue'
import GuideFigure from './GuideFigure.vue'
import GuideRenderer from './GuideRenderer.vue'
import GuideSection from './GuideSection.vue'
import HiddenDebtDiagram from './HiddenDebtDiagram.vue'
import LifecycleDiagram from './LifecycleDiagram.vue'
import type { GuideComponents } from './types.js'

/** Options of the {@link AiEngineerComponents} plugin. */
export interface AiEngineerComponentsOptions {
  /**
   * Whether figures that have a native diagram show it (default `true`) or
   * their original `<img>`, app-wide. A `GuideRenderer`'s `diagrams` prop wins.
   */
  diagrams?: boolean | undefined
  /** App-wide node type → component overrides; a `GuideRenderer`'s `components` win. */
  components?: GuideComponents | undefined
}

/** Every component, by the name the plugin registers it under. */
const components = {
  GuideRenderer,
  GuideSection,
  GuideFigure,
  GuideEmoji,
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
    const { diagrams = true, components: overrides = {} } = options
    app.provide(
      rendererOptionsKey,
      computed(() => ({ components: overrides, diagrams })),
    )
  },
}

declare module 'vue' {
  export interface GlobalComponents {
    GuideRenderer: typeof GuideRenderer
    GuideSection: typeof GuideSection
    GuideFigure: typeof GuideFigure
    GuideEmoji: typeof GuideEmoji
    HiddenDebtDiagram: typeof HiddenDebtDiagram
    LifecycleDiagram: typeof LifecycleDiagram
  }
}
