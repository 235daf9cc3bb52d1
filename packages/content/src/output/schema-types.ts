/**
 * The root of `schema.json` (generated from these types at build): a page as
 * JSON. `sections` and `figures` are views of `tree`, so a page written
 * without them (as the compiled data and the test fixtures are) is valid too.
 */
import type { GuidePage } from '../types.js'

export type GuidePageDocument = Omit<GuidePage, 'sections' | 'figures'> &
  Partial<Pick<GuidePage, 'sections' | 'figures'>>
