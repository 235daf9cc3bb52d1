/**
 * The content the deck's Node.js side (the preparser, the dev server's checks) reads:
 * in `pnpm dev`, the guides as the `@ai-engineer/content/vite` plugin last compiled them
 * from the package's markdown; otherwise the package's precompiled data, imported like
 * any consumer imports it.
 */
import * as precompiled from '@ai-engineer/content'
import type { FigureIdsByPage, PageId, SectionIdsByPage } from '@ai-engineer/content'
import { liveGuides, type GuideModule } from '@ai-engineer/content/vite'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/** The part of the content package the deck's checks and notes use. */
export type Content = GuideModule<PageId, SectionIdsByPage, FigureIdsByPage>

const require = createRequire(import.meta.url)

/**
 * The folder of the guide's markdown pages that `pnpm dev` presents live: the content
 * package's `guide/`, or the folder named by `TALK_GUIDE_DIR` (a working copy of the
 * guide, such as a draft kept outside the repository). `slidev build` and `slidev export`
 * always use the package's precompiled guide.
 */
export function guideDir(): string {
  const chosen = process.env.TALK_GUIDE_DIR
  if (chosen) return resolve(chosen)
  return join(dirname(require.resolve('@ai-engineer/content/package.json')), 'guide')
}

/** The live guides of a running dev server, else the precompiled package. */
export function currentContent(): Content {
  return (liveGuides(guideDir()) as Content | undefined) ?? precompiled
}
