// Slidev 53 splits vendor code with its own `manualChunks`; a deck's function
// replaces it rather than adding to it, so Slidev's rules come first, unchanged. Then the
// deck's own code — its components and layouts, the content data and the components
// library — goes into one `talk` chunk instead of a dozen small requests before the first
// slide (tools/bench measures it against a stock deck).
import { talkDeferredServiceWorker, talkOfflinePlugin } from './vite/offline.ts'
import { talkQrPlugin } from './vite/talk-qr.ts'

const slidevAsyncModules = ['file-saver', 'vue', '@vue']

export default {
  // The QR code to the published deck (TALK_URL), on the first and last slides; the
  // presenter view and the overview offline too (Slidev's `pwa` option does the rest).
  plugins: [talkQrPlugin(), talkOfflinePlugin(), talkDeferredServiceWorker()],
  // Found late by Vite's dependency scan, it made the dev server reload the page under
  // `slidev export`'s feet: bundle it up front.
  optimizeDeps: { include: ['mdast-util-to-string'] },
  build: {
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (
            id.startsWith('/@slidev-monaco-types/') ||
            id.includes('/@slidev/monaco-types') ||
            id.endsWith('?monaco-types&raw')
          ) {
            return 'monaco/bundled-types'
          }
          if (id.includes('/shiki/') || id.includes('/@shikijs/')) return 'modules/shiki'
          if (id.startsWith('~icons/')) return 'modules/unplugin-icons'
          const vendor = slidevAsyncModules.find((name) => id.includes(`/node_modules/${name}`))
          if (vendor) return `modules/${vendor.replace('@', '').replace('/', '-')}`
          if (
            /\/apps\/talk\/(?:components|layouts)\//.test(id) ||
            /\/packages\/(?:content|components)\/dist\//.test(id) ||
            id.includes('/mdast-util-to-string/') ||
            id.includes('plugin-vue:export-helper') ||
            // The offline deck's service-worker registration, which Slidev loads on the
            // first slide anyway: two requests fewer.
            id.includes('pwa-register') ||
            id.includes('/node_modules/workbox-window/')
          ) {
            return 'talk'
          }
          return undefined
        },
      },
    },
  },
}
