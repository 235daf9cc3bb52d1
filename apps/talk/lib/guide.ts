/// <reference types="vite/client" />
/**
 * The guide as the deck's components read it, in the browser.
 *
 * In `slidev build` this is the content package's precompiled data, as any consumer
 * imports it. In `pnpm dev` the package is the guide as last saved
 * (setup/vite-plugins.ts), and this module is where its hot updates stop: it takes the
 * new version into a reactive reference instead of letting Vite re-run the components
 * that import it. A component that re-ran would be mounted again, and Slidev would lose
 * the slide's clicks (the speaker's place in a list, say); a component that reads
 * through these functions inside a `computed` is only rendered again, with the new words.
 */
import {
  getFigure as precompiledFigure,
  getPage as precompiledPage,
  getSection as precompiledSection,
  guide as precompiledGuide,
} from '@ai-engineer/content'
import type { FigureId, Guide, PageId, SectionId } from '@ai-engineer/content'
import { shallowRef } from 'vue'

interface GuideAccess {
  getFigure: typeof precompiledFigure
  getPage: typeof precompiledPage
  getSection: typeof precompiledSection
  guide: Guide<PageId>
}

const current = shallowRef<GuideAccess>({
  getFigure: precompiledFigure,
  getPage: precompiledPage,
  getSection: precompiledSection,
  guide: precompiledGuide,
})

if (import.meta.hot) {
  import.meta.hot.accept('@ai-engineer/content', (next) => {
    // A version that failed to compile never arrives: the plugin keeps the last good one.
    if (next) current.value = next as unknown as GuideAccess
  })
}

/**
 * A section of the guide by its page and its id (reactive in `pnpm dev`: read it in a
 * `computed`).
 */
export const getSection = <P extends PageId>(
  page: P,
  id: SectionId<P>,
): ReturnType<typeof precompiledSection> => current.value.getSection(page, id)

/** A figure of the guide by its page and its id (reactive in `pnpm dev`). */
export const getFigure = <P extends PageId>(
  page: P,
  id: FigureId<P>,
): ReturnType<typeof precompiledFigure> => current.value.getFigure(page, id)

/** A page of the guide by its id (reactive in `pnpm dev`). */
export const getPage = (id: PageId): ReturnType<typeof precompiledPage> => current.value.getPage(id)

/** The whole guide (reactive in `pnpm dev`). */
export const currentGuide = (): Guide<PageId> => current.value.guide
