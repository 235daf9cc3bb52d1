// `node --import ./register-hooks.mjs probe.mjs`: record every module the probe
// resolves, one URL a line, in the file named by $BENCH_MODULES_FILE.
import { register } from 'node:module'

register('./module-hooks.mjs', import.meta.url)
