import { GuideRenderer, type GuideComponents } from '@ai-engineer/components'
import type { LinkUrl } from '@ai-engineer/content'
import { mount } from '@vue/test-utils'
import type { Nodes } from 'mdast'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'

/** Options of a render: the renderer's other props. */
export interface RenderOptions {
  components?: GuideComponents
  diagrams?: boolean
  linkUrl?: LinkUrl
}

/** Mount `GuideRenderer` on `node` in the document (happy-dom) and return the element it renders into. */
export function render(node: Nodes, options: RenderOptions = {}): HTMLElement {
  const host = document.createElement('div')
  document.body.append(host)
  mount(GuideRenderer, { props: { node, ...options }, attachTo: host })
  return host.firstElementChild as HTMLElement
}

/** The HTML inside `element`, without the comments Vue leaves as placeholders. */
export function html(element: Element): string {
  return element.innerHTML.replace(/<!--[\s\S]*?-->/g, '')
}

/** Render `node` to an HTML string with `vue/server-renderer`. */
export function renderSsr(node: Nodes, options: RenderOptions = {}): Promise<string> {
  return renderToString(createSSRApp({ render: () => h(GuideRenderer, { node, ...options }) }))
}

/** Render `node` on the server, then parse the HTML as a browser would. */
export async function renderSsrDom(node: Nodes, options: RenderOptions = {}): Promise<HTMLElement> {
  const host = document.createElement('div')
  host.innerHTML = await renderSsr(node, options)
  return host
}

/** Both ways of rendering, for tests that must hold for each. */
export const renderers = [
  ['the DOM', async (node: Nodes, options?: RenderOptions) => render(node, options)],
  ['vue/server-renderer', renderSsrDom],
] as const

/** Text with runs of whitespace made one space, trimmed. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

/** Every `text` value of a tree, in order. */
export function texts(node: Nodes): string[] {
  if (node.type === 'text') return [node.value]
  return 'children' in node ? node.children.flatMap((child) => texts(child as Nodes)) : []
}
