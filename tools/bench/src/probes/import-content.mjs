// (a) Import the compiled guide and touch every node of its tree.
import { countNodes, cpuMs, report } from './touch.mjs'

const started = performance.now()
const { guide } = await import('@ai-engineer/content')
const nodes = countNodes(guide.pages.map((page) => page.tree))
report({ ms: performance.now() - started, nodes, cpuMs: cpuMs() })
