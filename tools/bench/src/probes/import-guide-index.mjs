// The guides benchmark, (a): import a built guide's `index.js` (by its file URL) and touch
// every value of its `guideIndex`.
import { countValues, now, report } from './touch.mjs'

const started = now()
const { guideIndex } = await import(process.argv[2])
const nodes = countValues(guideIndex)
report({ ms: now() - started, nodes })
