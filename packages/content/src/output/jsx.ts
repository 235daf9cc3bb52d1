/**
 * Render a guide's tree, or any node of it, through any automatic JSX runtime
 * (React, Preact, …), from the same sanitized tree as `toHtml`.
 */
export { toJsx } from './to-jsx.js'
export type { Component, GuideComponents, JsxFunction, ToJsxOptions } from './to-jsx.js'
export type {
  AdmonitionProps,
  ElementProps,
  EmojiProps,
  FigureProps,
  GuideNodeName,
  SectionProps,
} from './jsx-nodes.js'
