// (b) The floor: read a file holding the same data and JSON.parse it, then touch the tree.
import { readFileSync } from 'node:fs'
import { countNodes, now, report } from './touch.mjs'

const started = now()
const data = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const nodes = countNodes(data.pages.map((page) => page.tree))
report({ ms: now() - started, nodes })
