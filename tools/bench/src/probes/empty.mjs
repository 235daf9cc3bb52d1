// (e) Node's own start-up and exit: nothing imported, nothing read.
import { report } from './touch.mjs'

report({ ms: 0, nodes: 0 })
