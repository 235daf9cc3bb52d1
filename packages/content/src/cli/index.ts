#!/usr/bin/env node
/**
 * `ai-engineer-content check <files…>`: run the guide pipeline over files
 * written in the guide's format and print every message with its file, line
 * and column. Exit 0 when no file has errors (warnings are fine), 1 when one
 * does, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import {
  checkGuide,
  defaultMaxBytes,
  defaultMaxDelimiters,
  defaultMaxNesting,
} from '../parse/index.js'
import { hasErrors, report } from '../report/index.js'

const usage = `Usage: ai-engineer-content check [options] <files…>

Check guide pages (markdown with YAML frontmatter, <figure> blocks, <hr> and
gemoji shortcodes) and print every problem as file:line:column.

Options:
  --max-bytes <n>       largest page accepted, in bytes (default ${defaultMaxBytes})
  --max-nesting <n>     deepest nesting of quotes, lists, emphasis, links (default ${defaultMaxNesting})
  --max-delimiters <n>  most *, _, ~, [, ] in one paragraph (default ${defaultMaxDelimiters})
  -q, --quiet           do not list files without messages
  -h, --help            show this help

Exit status: 0 when no file has errors (warnings are fine), 1 when one does,
2 on a usage error.
`

class UsageError extends Error {}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`--${name} takes a positive whole number, not \`${value}\``)
  }
  return number
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'max-bytes': { type: 'string' },
      'max-nesting': { type: 'string' },
      'max-delimiters': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(usage)
    return 0
  }
  const [command, ...paths] = positionals
  if (command !== 'check') {
    throw new UsageError(
      command === undefined ? 'No command given' : `Unknown command \`${command}\``,
    )
  }
  if (paths.length === 0)
    throw new UsageError('No files given: `ai-engineer-content check <files…>`')
  const options = {
    maxBytes: positive('max-bytes', values['max-bytes']),
    maxNesting: positive('max-nesting', values['max-nesting']),
    maxDelimiters: positive('max-delimiters', values['max-delimiters']),
  }

  const started = performance.now()
  const files: VFile[] = []
  for (const path of paths) {
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (error) {
      const file = new VFile({ path })
      report(file, `Cannot read the file: ${(error as Error).message}`, undefined, 'read')
      files.push(file)
      continue
    }
    // Read as bytes: checkGuide decodes them as strict UTF-8 and reports a bad byte's position.
    const { file } = await checkGuide(bytes, { path, ...options })
    files.push(file)
  }

  const text = reporter(files, { quiet: values.quiet === true })
  if (text) process.stderr.write(`${text}\n`)
  const failed = files.filter((file) => hasErrors(file)).length
  const time = Math.round(performance.now() - started)
  process.stderr.write(
    `ai-engineer-content: checked ${files.length} file${files.length === 1 ? '' : 's'} in ${time} ms: ${
      failed === 0 ? 'no errors' : `${failed} with errors`
    }\n`,
  )
  return failed === 0 ? 0 : 1
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  const known =
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
  if (!known) throw error
  process.stderr.write(`ai-engineer-content: ${(error as Error).message}\n\n${usage}`)
  process.exitCode = 2
}
