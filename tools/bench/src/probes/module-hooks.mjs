// A `module.register` resolve hook that appends each resolved URL to $BENCH_MODULES_FILE.
// It runs on the hooks thread; a synchronous append keeps every line even if the probe exits.
import { appendFileSync } from 'node:fs'

const out = process.env.BENCH_MODULES_FILE

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context)
  if (out) appendFileSync(out, `${result.url}\n`)
  return result
}
