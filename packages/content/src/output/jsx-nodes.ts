/**
 * Our nodes in the sanitized hast: how `toJsx` recognises the element each of
 * them renders to, and the typed props an override of it receives, all read
 * from the sanitized element (never from the mdast node, whose URLs are not
 * checked).
 */
import type { Element, ElementContent } from 'hast'

/** The nodes of ours that `components` can override. */
export type GuideNodeName = 'section' | 'figure' | 'emoji' | 'admonition'

/** The props every element renders with: its sanitized attributes as JSX props. */
export interface ElementProps {
  [prop: string]: unknown
  /** The rendered children. */
  children?: unknown
  /** The sanitized hast element (given to components, not to intrinsic elements). */
  node?: Element
}

/** Props of a `section` override: the `<section>` a section of ours renders to. */
export interface SectionProps extends ElementProps {
  /** The element's id, GitHub-prefixed as in the HTML: `user-content-ai-engineers`. */
  id?: string
}

/** Props of a `figure` override: the `<figure>` a figure of ours renders to. */
export interface FigureProps extends ElementProps {
  /** The element's id, GitHub-prefixed as in the HTML: `user-content-technical-debt`. */
  id?: string
  /** The image URL, if it passed the sanitizer (http, https or relative). */
  src?: string
  /** The image's alternative text. */
  alt?: string
  /** The source link at the end of the caption, if its URL passed the sanitizer. */
  source?: { url: string; label: string }
}

/** Props of an `emoji` override: the `<span role="img">` an emoji of ours renders to. */
export interface EmojiProps extends ElementProps {
  /** The shortcode's name: `wink`. */
  name: string
  /** The emoji: `😉`. */
  value: string
}

/** Props of an `admonition` override: the element an admonition of ours renders to. */
export interface AdmonitionProps extends ElementProps {}

function text(nodes: readonly ElementContent[]): string {
  let value = ''
  for (const node of nodes) {
    if (node.type === 'text') value += node.value
    else if (node.type === 'element') value += text(node.children)
  }
  return value
}

function child(element: Element, tagName: string): Element | undefined {
  return element.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === tagName,
  )
}

function classNames(element: Element): unknown[] {
  const value = element.properties.className
  return Array.isArray(value) ? value : []
}

/**
 * Which node of ours rendered `element`, if any: a `<section>` that is not
 * GFM's footnotes section, any `<figure>` (raw HTML never reaches the output),
 * a `<span role="img">` with a label (an emoji), or an element with the class
 * `admonition`.
 */
export function guideNodeOf(element: Element): GuideNodeName | undefined {
  const { properties } = element
  if (element.tagName === 'section') {
    return properties.dataFootnotes === undefined ? 'section' : undefined
  }
  if (element.tagName === 'figure') return 'figure'
  if (element.tagName === 'span' && properties.role === 'img') {
    return typeof properties.ariaLabel === 'string' ? 'emoji' : undefined
  }
  return classNames(element).includes('admonition') ? 'admonition' : undefined
}

/** The props an override of our node gets on top of the element's own. */
export function guideNodeProps(name: GuideNodeName, element: Element): Record<string, unknown> {
  if (name === 'emoji') {
    return { name: String(element.properties.ariaLabel), value: text(element.children) }
  }
  if (name !== 'figure') return {}
  const props: Record<string, unknown> = {}
  const image = child(element, 'img')
  if (typeof image?.properties.src === 'string') props.src = image.properties.src
  if (typeof image?.properties.alt === 'string') props.alt = image.properties.alt
  const caption = child(element, 'figcaption')
  const last = caption?.children.at(-1)
  if (
    last?.type === 'element' &&
    last.tagName === 'a' &&
    typeof last.properties.href === 'string'
  ) {
    props.source = { url: last.properties.href, label: text(last.children) }
  }
  return props
}
