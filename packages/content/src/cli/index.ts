#!/usr/bin/env node
/**
 * `ai-engineer-content`: check guides and build them, for importers.
 *
 * - `check <files | dir | mkdocs.yml>…` runs the pipeline and prints every message with
 *   its file, line and column; a folder or an `mkdocs.yml` is checked as a whole guide.
 * - `build <dir | mkdocs.yml> --out <dir>` writes what the package's own build writes.
 *
 * Exit 0 when there is no error (warnings are fine, unless `--strict`), 1 when there is
 * one, 2 on a usage error.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { reporter } from 'vfile-reporter'
import {
  defaultMaxBytes,
  defaultMaxDelimiters,
  defaultMaxNesting,
} from '../parse/hardening/limits.js'
import { checkRuleSettings, hasErrors, type RuleSettings } from '../report/index.js'
import type { LoadedGuide } from '../guide/index.js'
import { buildGuide, type BuildResult } from './build.js'
import { checkTargets, isGuideTarget } from './check.js'
import { format, formats, type Format } from './formats.js'
import { watchBuild } from './watch.js'

const usage = `Usage: ai-engineer-content check [options] <files | dir | mkdocs.yml>…
       ai-engineer-content build [options] <dir | mkdocs.yml> --out <dir>

check  Check guide pages (markdown with YAML frontmatter, <figure> blocks, admonitions,
       gemoji shortcodes) and print every problem as file:line:column. A folder, or an
       mkdocs.yml, is checked as a whole guide: its nav and the links between its pages.
build  Write the guide as a module: <out>/index.js (guide, pageIds, sectionIds,
       figureIds, getPage, getSection, getFigure), <out>/runtime.js and <out>/index.d.ts
       with the literal ids. <out> is written only when there is no error; over an
       earlier build, only the files that changed are.

Options:
  --strict              warnings fail too, as mkdocs build --strict (default: mkdocs.yml's strict)
  --rule <id=severity>  set a rule to error, warn or off (repeatable): --rule figure-alt=error
  --format <name>       check's output: stylish (default, on stderr), unix, github, json (on stdout)
  --out <dir>           where build writes
  -w, --watch           build, then build again on each change of the guide's files
                        (only what a change touches is read and parsed; Ctrl+C stops)
  --cache-dir <dir>     where each page's parse is kept between runs, so only changed pages
                        are parsed again (default: node_modules/.cache/ai-engineer-content
                        in the nearest folder with a package.json, else the current one)
  --no-cache            parse every page, and keep nothing
  --threads <n>         worker threads that parse pages when many need it (default: one
                        for each 100 pages, up to one a core)
  --max-bytes <n>       largest page accepted, in bytes (default ${defaultMaxBytes})
  --max-nesting <n>     deepest nesting of quotes, lists, emphasis, links (default ${defaultMaxNesting})
  --max-delimiters <n>  most *, _, ~, [, ] in one paragraph (default ${defaultMaxDelimiters})
  -q, --quiet           do not list files without messages (stylish)
  -h, --help            show this help

Paths are relative to the current folder. Exit status: 0 when there is no error
(warnings are fine unless --strict), 1 when there is one, 2 on a usage error.
`

class UsageError extends Error {}

/** `node_modules/.cache/ai-engineer-content` in the nearest folder with a `package.json`. */
function defaultCacheDir(): string {
  let dir = process.cwd()
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir)
  if (!existsSync(join(dir, 'package.json'))) dir = process.cwd()
  return join(dir, 'node_modules', '.cache', 'ai-engineer-content')
}

/** How many pages were parsed, on how many threads, and how many came from the cache. */
function parseSummary(loads: readonly LoadedGuide['parsed'][]): string {
  const count = loads.reduce((sum, load) => sum + load.count, 0)
  const cached = loads.reduce((sum, load) => sum + load.cached, 0)
  const threads = Math.max(1, ...loads.map((load) => load.threads))
  const on = threads > 1 ? ` on ${threads} threads` : ''
  return `${count} parsed${on}, ${cached} from the cache`
}

/** On a terminal, how many pages are parsed so far, on one line, when they take a while. */
function progress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  const started = performance.now()
  let shown = 0
  return (done, total) => {
    const now = performance.now()
    if (done === total) {
      if (shown > 0) process.stderr.write('\r\u001B[K')
      return
    }
    if (now - started < 1000 || now - shown < 100) return
    shown = now
    process.stderr.write(`\rai-engineer-content: parsed ${done} of ${total} pages`)
  }
}

/**
 * Print what a build did: its messages, then a line with what it wrote, or that it wrote
 * nothing for the guide's errors. The exit status: 1 on errors, else 0.
 */
function reportBuild(
  { files, pages, parsed, written, changed }: BuildResult,
  out: string,
  started: number,
): number {
  // Only the files with messages: a quiet report prints nothing for the others, and
  // sorting thousands of files by name (ICU's collation) is not free.
  const text = reporter(
    files.filter((file) => file.messages.length > 0),
    { quiet: true },
  )
  if (text) process.stderr.write(`${text}\n`)
  if (written.length === 0) {
    process.stderr.write(`ai-engineer-content: the guide has errors; ${out} is unchanged\n`)
    return 1
  }
  const own = written.filter((name) => !/^(pages|assets)\//.test(name))
  const images = written.filter((name) => name.startsWith('assets/')).length
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
  process.stderr.write(
    `ai-engineer-content: built ${plural(pages, 'page')} into ${out} (${own.join(', ')}, ${plural(written.length - own.length - images, 'page module')} and ${plural(images, 'image')}) in ${Math.round(performance.now() - started)} ms, ${plural(changed.length, 'file')} written; ${parseSummary([parsed])}\n`,
  )
  return 0
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`--${name} takes a positive whole number, not \`${value}\``)
  }
  return number
}

function ruleSettings(values: readonly string[]): RuleSettings | undefined {
  if (values.length === 0) return undefined
  const settings: Record<string, string> = {}
  for (const value of values) {
    const [id = '', setting = ''] = value.split('=')
    if (id === '' || setting === '') {
      throw new UsageError(`--rule takes <id>=<severity>, not \`${value}\``)
    }
    settings[id] = setting
  }
  try {
    return checkRuleSettings(settings)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {
      strict: { type: 'boolean' },
      rule: { type: 'string', multiple: true },
      format: { type: 'string' },
      out: { type: 'string' },
      'cache-dir': { type: 'string' },
      cache: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      threads: { type: 'string' },
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
  const [command, ...targets] = positionals
  if (command !== 'check' && command !== 'build') {
    throw new UsageError(
      command === undefined ? 'No command given' : `Unknown command \`${command}\``,
    )
  }
  const as = (values.format ?? 'stylish') as Format
  if (!formats.includes(as)) {
    throw new UsageError(`--format takes ${formats.join(', ')}, not \`${values.format}\``)
  }
  const options = {
    maxBytes: positive('max-bytes', values['max-bytes']),
    maxNesting: positive('max-nesting', values['max-nesting']),
    maxDelimiters: positive('max-delimiters', values['max-delimiters']),
    rules: ruleSettings(values.rule ?? []),
    cacheDir:
      values.cache === false ? undefined : resolve(values['cache-dir'] ?? defaultCacheDir()),
    threads: positive('threads', values.threads),
    onParsed: progress(),
  }
  const strict = values.strict === true
  const started = performance.now()

  if (command === 'build') {
    const [target, ...more] = targets
    if (target === undefined || more.length > 0 || !isGuideTarget(target)) {
      throw new UsageError(
        'build takes one guide: `ai-engineer-content build <dir | mkdocs.yml> --out <dir>`',
      )
    }
    const out = values.out
    if (out === undefined) throw new UsageError('build needs `--out <dir>`')
    const buildOptions = { ...options, strict: strict || undefined }
    if (values.watch) {
      await watchBuild(target, out, buildOptions, (result, at) => {
        reportBuild(result, out, at)
      })
      return 0
    }
    return reportBuild(await buildGuide(target, out, buildOptions), out, started)
  }
  if (values.watch) throw new UsageError('--watch is an option of build')

  if (targets.length === 0) {
    throw new UsageError('No files given: `ai-engineer-content check <files | dir | mkdocs.yml>…`')
  }
  const checked = await checkTargets(targets, { ...options, strict })
  const failed = checked.files.filter((file, index) =>
    hasErrors(file, checked.strict[index]),
  ).length
  const text = format(checked.files, as, values.quiet === true)
  if (as === 'stylish') {
    if (text) process.stderr.write(`${text}\n`)
    const count = checked.files.length
    process.stderr.write(
      `ai-engineer-content: checked ${count} file${count === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms (${parseSummary(checked.parsed)}): ${
        failed === 0
          ? 'no errors'
          : `${failed} with errors${strict ? ' (warnings count, --strict)' : ''}`
      }\n`,
    )
  } else if (text) process.stdout.write(`${text}\n`)
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
