// The guides benchmark, (b), the floor: read a file holding the same `guideIndex` as JSON,
// `JSON.parse` it and touch every value.
import { readFileSync } from 'node:fs'
import { countValues, now, report } from './touch.mjs'

const started = now()
const guideIndex = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const nodes = countValues(guideIndex)
report({ ms: now() - started, nodes })
