/**
 * Vue 3 components that render the guide's mdast tree (or any mdast tree)
 * in a browser, under SSR and in Slidev. Styles: `@ai-engineer/components/style.css`.
 */
export { default as GuideRenderer } from './GuideRenderer.vue'
export type { GuideRendererProps } from './GuideRenderer.vue'
export { default as GuideSection } from './GuideSection.vue'
export type { GuideSectionProps } from './GuideSection.vue'
export { default as GuideFigure } from './GuideFigure.vue'
export type { GuideFigureProps } from './GuideFigure.vue'
export { default as GuideEmoji } from './GuideEmoji.vue'
export type { GuideEmojiProps } from './GuideEmoji.vue'
export { default as HiddenDebtDiagram } from './HiddenDebtDiagram.vue'
export type { HiddenDebtDiagramProps } from './HiddenDebtDiagram.vue'
export { default as LifecycleDiagram } from './LifecycleDiagram.vue'
export type { LifecycleDiagramProps } from './LifecycleDiagram.vue'
export { AiEngineerComponents } from './plugin.js'
export type { AiEngineerComponentsOptions } from './plugin.js'
export type { GuideComponents, GuideNodeOf, GuideNodeType } from './types.js'
