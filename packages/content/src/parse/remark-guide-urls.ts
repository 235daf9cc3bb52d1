import type { Nodes, Root } from 'mdast'
import type { Plugin } from 'unified'
import { eachNode } from '../runtime/index.js'
import { report } from '../report/index.js'
import { isSafeUrl, safeProtocols } from '../runtime/index.js'

/** Options of {@link remarkGuideUrls}: none yet. */
export interface UrlOptions {}

const allowed = `${safeProtocols.map((protocol) => `\`${protocol}:\``).join(', ')} or a relative URL`

/**
 * Reject every URL a reader's browser would run or load unsafely:
 * `javascript:`, `vbscript:`, `data:` and any other scheme but http, https
 * and mailto, in links, images, definitions and figures, however cased,
 * encoded or padded.
 */
const remarkGuideUrls: Plugin<[(Readonly<UrlOptions> | null | undefined)?], Root> = function () {
  return function (tree, file) {
    const check = (url: string, what: string, place: Parameters<typeof report>[2]): void => {
      if (isSafeUrl(url)) return
      const scheme = /^[^:]*:/.exec(url.trim())?.[0] ?? url.slice(0, 20)
      report(
        file,
        `Unsafe URL \`${visible(scheme)}…\` in ${what}: use ${allowed}`,
        place,
        'url-unsafe',
      )
    }
    eachNode<Nodes>(tree, undefined, (node) => {
      switch (node.type) {
        case 'link':
        case 'definition': {
          check(node.url, `a ${node.type}`, node.position)
          break
        }
        case 'image': {
          check(node.url, 'an image', node.position)
          break
        }
        case 'figure': {
          check(node.src, 'a figure’s `<img src>`', node.position)
          if (node.source) check(node.source.url, 'a figure’s source link', node.position)
          break
        }
        default:
      }
    })
  }
}

export default remarkGuideUrls

/** `scheme` fit for a message: backticks dropped, tabs and other controls shown as escapes. */
function visible(scheme: string): string {
  // eslint-disable-next-line no-control-regex
  return scheme.replace(/`/g, '').replace(/[\u0000-\u001F\u007F]/g, (char) => {
    const escape = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }[char]
    return escape ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
