import { defineConfig } from 'tsdown'
import { base } from '../../tsdown.base.ts'

export default defineConfig({
  ...base,
  entry: {
    index: 'src/index.ts',
    parse: 'src/parse/index.ts',
    html: 'src/output/html.ts',
    markdown: 'src/output/markdown.ts',
    jsx: 'src/output/jsx.ts',
    derived: 'src/output/derived.ts',
    search: 'src/output/search.ts',
    cli: 'src/cli/index.ts',
    vite: 'src/vite/index.ts',
    astro: 'src/astro/index.ts',
    // The runtime of the module the Vite plugin serves, imported by that module's path.
    runtime: 'src/runtime/module.ts',
    // A worker thread of the loader, which parses pages side by side when many need it.
    worker: 'src/guide/worker.ts',
  },
  // The `cli` entry (the `ai-engineer-content` bin) runs on Node.js; the others are platform-neutral.
  deps: { neverBundle: [/^node:/, 'vite', /^astro(\/|$)/] },
  // Shared code in a folder of its own: a chunk named after a folder's `index.ts` would
  // otherwise take `index.d.ts` from the main entry.
  outputOptions: { chunkFileNames: 'chunks/[name].js' },
})
