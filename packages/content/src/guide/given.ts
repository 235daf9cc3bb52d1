/**
 * What the guide as a whole gives a page beyond its own parse (`prev`, `next`, where its
 * links lead, its images' sizes) is set by a few passes of `loadGuide`. Each counts a
 * change it makes to a page here, so `pageData` knows that a page it made data for is as
 * it was without looking through its links and images again (a save in the Vite plugin
 * keeps thousands of pages).
 */
import type { GuidePage } from '../types.js'

const versions = new WeakMap<GuidePage, number>()

/** How many times what the guide gave `page` changed in this process. */
export function givenVersion(page: GuidePage): number {
  return versions.get(page) ?? 0
}

/** Count a change of what the guide gave `page`. */
export function givenChanged(page: GuidePage): void {
  versions.set(page, givenVersion(page) + 1)
}
