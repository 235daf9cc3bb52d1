/**
 * The deck offline after one visit: Slidev's `pwa` option (headmatter) has
 * vite-plugin-pwa precache the whole build, and its service worker answers a page load
 * with `index.html`, except under `/presenter`, `/notes` and `/overview`, which Slidev
 * keeps for its dev server. A built deck has those views too, and the speaker needs the
 * presenter view most when the venue's wifi is gone: this plugin narrows that list to
 * the export-only views (`/print`, `/export`) in the generated `sw.js`.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Plugin } from 'vite'

const slidevDenylist = '/^\\/(presenter|notes|overview|print|export)/'
const deckDenylist = '/^\\/(print|export)/'

export function talkOfflinePlugin(): Plugin {
  let outDir = 'dist'
  return {
    name: '@ai-engineer/talk:offline-presenter',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir)
    },
    closeBundle: {
      // After vite-plugin-pwa has written sw.js (its own closeBundle is sequential too).
      order: 'post',
      sequential: true,
      async handler() {
        const sw = join(outDir, 'sw.js')
        if (!existsSync(sw)) return
        const source = await readFile(sw, 'utf8')
        if (!source.includes(slidevDenylist)) {
          throw new Error(
            `${sw}: Slidev's navigation denylist ${slidevDenylist} is not there: update vite/offline.ts`,
          )
        }
        await writeFile(sw, source.replace(slidevDenylist, deckDenylist))
      },
    },
  }
}
