/**
 * Dev only: when the content package is rebuilt, re-run the preparser, so the
 * presenter notes of a running `pnpm dev` follow the guide (CONTRIBUTING.md, "Toolchain").
 *
 * The whole package folder is watched, not `dist/index.js`: the content build cleans
 * `dist/`, which would drop a watch on a file inside it. A change is passed on as a
 * change of the deck's entry, which makes Slidev parse the slides (and the preparser
 * import the content fresh) again.
 */
import { defineVitePluginsSetup } from '@slidev/types'
import { join, sep } from 'node:path'
import { contentPackageDir } from '../lib/content.ts'

export default defineVitePluginsSetup((options) => [
  {
    name: '@ai-engineer/talk:content-reload',
    apply: 'serve',
    configureServer(server) {
      const dist = join(contentPackageDir(), 'dist') + sep
      let timer: ReturnType<typeof setTimeout> | undefined
      server.watcher.add(contentPackageDir())
      const onChange = (file: string) => {
        if (!file.startsWith(dist) || !file.endsWith('.js')) return
        clearTimeout(timer)
        // One re-parse per rebuild, however many files it writes.
        timer = setTimeout(() => {
          // Slidev's log level is `warn`: Vite's logger would drop an info line.
          console.info('[talk] @ai-engineer/content was rebuilt: re-reading the notes')
          server.watcher.emit('change', options.entry)
        }, 300)
      }
      server.watcher.on('add', onChange)
      server.watcher.on('change', onChange)
    },
  },
])
