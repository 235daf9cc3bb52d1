/**
 * Vue 3 components that render the guide's mdast tree (or any mdast tree)
 * in a browser, under SSR and in Slidev. Styles: `@ai-engineer/components/style.css`.
 */
export { default as GuideRenderer } from './renderer/GuideRenderer.vue'
export type { GuideRendererProps } from './renderer/GuideRenderer.vue'
export { defaultComponents } from './renderer/default-components.js'
export { default as GuideSection } from './nodes/GuideSection.vue'
export type { GuideSectionProps } from './nodes/GuideSection.vue'
export { default as GuideFigure } from './nodes/GuideFigure.vue'
export type { GuideFigureProps } from './nodes/GuideFigure.vue'
export { default as GuideEmoji } from './nodes/GuideEmoji.vue'
export type { GuideEmojiProps } from './nodes/GuideEmoji.vue'
export { default as GuideAdmonition } from './nodes/GuideAdmonition.vue'
export type { GuideAdmonitionProps } from './nodes/GuideAdmonition.vue'
export { default as HiddenDebtDiagram } from './diagrams/HiddenDebtDiagram.vue'
export type { HiddenDebtDiagramProps } from './diagrams/HiddenDebtDiagram.vue'
export { default as LifecycleDiagram } from './diagrams/LifecycleDiagram.vue'
export type { LifecycleDiagramProps } from './diagrams/LifecycleDiagram.vue'
export { AiEngineerComponents } from './plugin.js'
export type { AiEngineerComponentsOptions } from './plugin.js'
export type { GuideComponents, GuideNodeOf, GuideNodeType } from './renderer/types.js'
