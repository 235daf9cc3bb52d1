// (c) Import the parser and parse the guide's markdown at run time, then touch the tree.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { countNodes, now, report } from './touch.mjs'

const started = now()
const { parseGuide } = await import('@ai-engineer/content/parse')
const path = fileURLToPath(import.meta.resolve('@ai-engineer/content/guide/intro.md'))
const page = await parseGuide(readFileSync(path, 'utf8'), { path })
const nodes = countNodes([page.tree])
report({ ms: now() - started, nodes })
