/**
 * Dev only: the guide, live. `@ai-engineer/content/vite` compiles the content package's
 * `guide/*.md` and serves it in place of the package's precompiled data, so a save of
 * the guide reaches the slides through HMR (same slide, same click, no reload). After
 * each new version the deck's entry is passed on as changed, which makes Slidev parse
 * the slides again: the preparser then writes the presenter notes from the new prose.
 *
 * A version in which a slide names an id the guide no longer has is refused with the
 * slide and the id, and the last good version stays. `slidev build` and `slidev export`
 * use the precompiled package, unchanged.
 */
import { guides } from '@ai-engineer/content/vite'
import { defineVitePluginsSetup } from '@slidev/types'
import { readFileSync } from 'node:fs'
import { guideDir, type Content } from '../lib/content.ts'
import { checkDeck } from '../lib/slide-content.ts'

export default defineVitePluginsSetup((options) => {
  if (options.mode !== 'dev') return []
  let reparseSlides = (): void => {}
  return [
    {
      name: '@ai-engineer/talk:reparse-slides',
      configureServer(server) {
        reparseSlides = () => server.watcher.emit('change', options.entry)
      },
    },
    {
      ...guides({
        dir: guideDir(),
        module: '@ai-engineer/content',
        // TALK_GUIDE_DTS moves it: the e2e suites write theirs in a folder of their own.
        dts: process.env['TALK_GUIDE_DTS'] || 'types/guide.d.ts',
        check: (content) =>
          checkDeck(readFileSync(options.entry, 'utf8'), options.entry, content as Content),
        onUpdate: () => reparseSlides(),
      }),
      apply: 'serve',
    },
  ]
})
