/**
 * The deck offline after one visit: Slidev's `pwa` option (headmatter) has
 * vite-plugin-pwa precache the whole build, and its service worker answers a page load
 * with `index.html`, except under `/presenter`, `/notes` and `/overview`, which Slidev
 * keeps for its dev server. A built deck has those views too, and the speaker needs the
 * presenter view most when the venue's wifi is gone: `talkOfflinePlugin` narrows that
 * list to the export-only views (`/print`, `/export`) in the generated `sw.js`.
 *
 * Slidev registers the service worker as the deck starts, and its install fetches every
 * file of the build while the first slide is still loading: the first slide painted
 * about a third later than without it (tools/bench). `talkDeferredServiceWorker` has the
 * registration wait until a slide is on screen and the browser is idle: the audience sees
 * the deck first, and the cache fills a moment later.
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

const registerModule = 'virtual:pwa-register'
const deferredModule = '\0talk:pwa-register-deferred'

/** Slidev's `registerSW` calls, run once a slide is on screen and the browser is idle. */
export function talkDeferredServiceWorker(): Plugin {
  return {
    name: '@ai-engineer/talk:deferred-service-worker',
    apply: 'build',
    enforce: 'pre',
    resolveId(id, importer) {
      // Ours imports the real module: vite-plugin-pwa resolves that one.
      if (id !== registerModule || importer === deferredModule) return null
      return deferredModule
    },
    load(id) {
      if (id !== deferredModule) return null
      return deferredSource
    },
  }
}

// A slide's layout in the page (or 5 s gone without one), then an idle moment.
const deferredSource = `import { registerSW as registerNow } from ${JSON.stringify(registerModule)}

function afterFirstSlide(callback) {
  const shown = () => document.querySelector('.slidev-layout') !== null
  if (shown()) return callback()
  const done = () => {
    observer.disconnect()
    clearTimeout(timer)
    callback()
  }
  const observer = new MutationObserver(() => shown() && done())
  const timer = setTimeout(done, 5000)
  observer.observe(document.documentElement, { childList: true, subtree: true })
}

export function registerSW(options) {
  let update
  const start = () => {
    update = registerNow(options)
  }
  const idle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200)
  afterFirstSlide(idle)
  return async (reloadPage) => {
    await update?.(reloadPage)
  }
}
`
