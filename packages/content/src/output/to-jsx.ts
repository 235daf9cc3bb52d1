import type { Element, Root as HastRoot } from 'hast'
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime'
import type { Nodes } from 'mdast'
import { visit } from 'unist-util-visit'
import {
  guideNodeOf,
  guideNodeProps,
  type AdmonitionProps,
  type ElementProps,
  type EmojiProps,
  type FigureProps,
  type GuideNodeName,
  type SectionProps,
} from './jsx-nodes.js'
import type { LinkUrl } from '../runtime/index.js'
import { toSafeHast } from './to-html.js'

/**
 * A component of the JSX runtime (a function of its props), or the name of
 * another intrinsic element. Bivariant in its props, as React's own event
 * handler types are, so a component typed for a narrower set of props fits.
 */
export type Component<Props> = { bivarianceHack(props: Props): unknown }['bivarianceHack'] | string

/**
 * Overrides: any element by tag name (`a`, `p`, `h1`, …), and our nodes by
 * their type, with typed props.
 */
export interface GuideComponents {
  [tagName: string]: Component<ElementProps> | undefined
  section?: Component<SectionProps>
  figure?: Component<FigureProps>
  emoji?: Component<EmojiProps>
  admonition?: Component<AdmonitionProps>
}

/**
 * A JSX runtime's `jsx` or `jsxs`. The parameters are `any` because every
 * runtime types them with its own overloads (React, Preact, Solid, …).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsxFunction<Result = unknown> = (type: any, props: any, key?: string) => Result

/** The automatic JSX runtime to render with, and the overrides. */
export interface ToJsxOptions<Result = unknown> {
  /** The runtime's `Fragment` (`import { Fragment } from 'react/jsx-runtime'`). */
  Fragment: unknown
  /** The runtime's `jsx`. */
  jsx: JsxFunction<Result>
  /** The runtime's `jsxs`. */
  jsxs: JsxFunction<Result>
  /** Components to use instead of elements, and of our nodes. */
  components?: GuideComponents | undefined
  /** The URL of a link between pages, as `toHtml`'s option of the same name. */
  linkUrl?: LinkUrl | undefined
}

const mdastTypes = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'html',
  'code',
  'definition',
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
  'yaml',
  'toml',
  // Ours.
  'section',
  'figure',
  'emoji',
  'admonition',
])

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value !== 'object') return `${typeof value} ${JSON.stringify(value) ?? ''}`.trim()
  const type = (value as { type?: unknown }).type
  if (typeof type === 'string') return `a node of type ${JSON.stringify(type)}`
  return `an object without a string \`type\` (keys: ${Object.keys(value).join(', ') || 'none'})`
}

/** Throw a `TypeError` unless `value` and everything under it are mdast nodes or ours. */
function assertGuideNode(value: unknown): asserts value is Nodes {
  const stack: [unknown, string][] = [[value, 'node']]
  while (stack.length > 0) {
    const [node, path] = stack.pop()!
    const type = node && typeof node === 'object' ? (node as { type?: unknown }).type : undefined
    if (typeof type !== 'string' || !mdastTypes.has(type)) {
      throw new TypeError(
        `toJsx expects an mdast node or a node of the guide (section, figure, emoji, admonition); got ${describe(node)}${path === 'node' ? '' : ` at ${path}`}`,
      )
    }
    const children = (node as { children?: unknown }).children
    if (children === undefined) continue
    if (!Array.isArray(children)) {
      throw new TypeError(
        `toJsx expects \`${path}.children\` to be an array; got ${describe(children)}`,
      )
    }
    children.forEach((child, index) => stack.push([child, `${path}.children[${index}]`]))
  }
}

const overrideKey = (name: GuideNodeName): string => `guide:${name}`

/** The tag name each rerouted element had, for the `node` its override gets. */
const originalTagName = new WeakMap<Element, string>()

/**
 * One wrapper per runtime, component and node name, made once: a new
 * function each render would make React remount the subtree every time.
 */
const wrappers = new WeakMap<JsxFunction, WeakMap<object, Map<GuideNodeName, unknown>>>()

function wrapper(jsx: JsxFunction, component: object, name: GuideNodeName): unknown {
  let byComponent = wrappers.get(jsx)
  if (!byComponent) wrappers.set(jsx, (byComponent = new WeakMap()))
  let byName = byComponent.get(component)
  if (!byName) byComponent.set(component, (byName = new Map()))
  let found = byName.get(name)
  if (!found) {
    found = function GuideNode(props: ElementProps): unknown {
      const element = props.node as Element
      const node = { ...element, tagName: originalTagName.get(element) ?? element.tagName }
      return jsx(component, { ...props, ...guideNodeProps(name, node), node })
    }
    byName.set(name, found)
  }
  return found
}

/**
 * Render `node` (a page's tree, or any node in it) with an automatic JSX
 * runtime. The elements are exactly the sanitized hast that `toHtml`
 * serializes: no script, no event handler, no URL but http, https, mailto and
 * relative ever reaches a prop. Throws a `TypeError` for anything that is not
 * an mdast node or one of ours.
 */
export function toJsx<Result>(node: Nodes, options: ToJsxOptions<Result>): Result {
  assertGuideNode(node)
  const {
    Fragment,
    jsx,
    jsxs,
    components = {},
    linkUrl,
  } = options ?? ({} as Partial<ToJsxOptions<Result>>)
  if (typeof jsx !== 'function' || typeof jsxs !== 'function' || Fragment === undefined) {
    throw new TypeError(
      'toJsx expects `{ Fragment, jsx, jsxs }` from an automatic JSX runtime (such as `react/jsx-runtime`)',
    )
  }
  const tree: HastRoot = toSafeHast(node, { linkUrl })
  const runtimeComponents: Record<string, unknown> = {}
  const ours = new Set<GuideNodeName>()
  for (const [name, component] of Object.entries(components)) {
    if (component === undefined) continue
    if (name === 'emoji' || name === 'admonition' || name === 'figure' || name === 'section') {
      ours.add(name)
      // A tag name stands in as it is; a component gets the node's typed props too.
      runtimeComponents[overrideKey(name)] =
        typeof component === 'string' ? component : wrapper(jsx, component, name)
    } else runtimeComponents[name] = component
  }
  if (ours.size > 0) {
    // Route our nodes' elements to their overrides; other elements keep their tag's.
    visit(tree, 'element', (element: Element) => {
      const name = guideNodeOf(element)
      if (name === undefined || !ours.has(name)) return
      originalTagName.set(element, element.tagName)
      element.tagName = overrideKey(name)
    })
  }
  return toJsxRuntime(tree, {
    Fragment,
    jsx,
    jsxs,
    components: runtimeComponents as Partial<Components>,
    passNode: true,
  }) as Result
}
