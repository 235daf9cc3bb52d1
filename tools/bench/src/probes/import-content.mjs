// (a) Import the compiled guide and touch every node of its tree.
import { countNodes, now, report } from './touch.mjs'

const started = now()
const { guide } = await import('@ai-engineer/content')
const nodes = countNodes(guide.pages.map((page) => page.tree))
report({ ms: now() - started, nodes })
