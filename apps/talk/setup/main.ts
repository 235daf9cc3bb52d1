/**
 * Accessibility repairs to Slidev's own controls that a deck can make from its setup,
 * applied as Slidev renders them (a MutationObserver; Slidev re-renders its controls):
 *
 * - The presenter's notes are the talk's (the guide's prose): where no landmark holds
 *   them (the presenter view; the overview has its `main`), a region "Speaker notes".
 * - Slidev's offline indicator ("Caching for offline…") is a region, named.
 *
 * Slidev's menu buttons wrap a button in a button (`nested-interactive`): taking the
 * inner one out of the tab order and the accessibility tree does not satisfy axe, and
 * replacing Slidev's elements would break its rendering, so that one stays Slidev's.
 *
 * What only Slidev can fix is listed in the talk's README ("Accessibility").
 */
import { defineAppSetup } from '@slidev/types'

const landmark =
  'main, [role="main"], [role="region"], section[aria-label], section[aria-labelledby]'

function repair(root: ParentNode): void {
  for (const note of root.querySelectorAll('.slidev-note:not([role])')) {
    if (note.parentElement?.closest(landmark)) continue
    note.setAttribute('role', 'region')
    note.setAttribute('aria-label', 'Speaker notes')
  }
  for (const indicator of root.querySelectorAll('.slidev-pwa-indicator:not([role])')) {
    indicator.setAttribute('role', 'region')
    indicator.setAttribute('aria-label', 'Offline status')
  }
}

export default defineAppSetup(() => {
  if (typeof document === 'undefined') return
  let queued = false
  const observer = new MutationObserver(() => {
    if (queued) return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      repair(document)
    })
  })
  observer.observe(document.documentElement, { childList: true, subtree: true })
  repair(document)
})
