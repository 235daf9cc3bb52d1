/**
 * `pnpm check:logs`: fail when any task log that turbo kept in the workspace announces a
 * deprecation. `pnpm test` runs it last, over the logs of every task it ran.
 */
import { fileURLToPath } from 'node:url'
import { deprecationsInLogs, turboLogs } from './deprecations.ts'

const root = process.argv[2] ?? fileURLToPath(new URL('../../..', import.meta.url))
const logs = await turboLogs(root)
const found = await deprecationsInLogs(root)
for (const { file, line, text } of found) console.error(`${file}:${line}: ${text}`)
console.log(
  found.length === 0
    ? `check:logs: no deprecation warning in ${logs.length} task logs`
    : `check:logs: ${found.length} deprecation warning(s) in ${logs.length} task logs`,
)
process.exitCode = found.length === 0 ? 0 : 1
