/**
 * API reports: each published package's public API, read from its BUILT declarations, one
 * report file per package (`packages/<dir>/api/<dir>.api.md`) with a section per entry point
 * of its `exports`. Code entry points (those with `types`) go through API Extractor, one run
 * per entry point sharing one compiler program; other exports (`./style.css`,
 * `./guide/*.md`, `./package.json`, …) are listed by path only.
 *
 * API Extractor's own doc-comment notes (`// @public`, `// (undocumented)`) are left out of
 * the report, so a change to a doc comment leaves the report as it was.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
} from '@microsoft/api-extractor'

export interface EntryPoint {
  /** The subpath in `exports`: `.`, `./parse`, `./style.css`. */
  subpath: string
  /** The built declaration file, for code entry points; absent for the others. */
  types?: string
}

export interface PackageInfo {
  name: string
  dir: string
  exports?: unknown
}

/** The `types` target of one `exports` value, whatever its nesting of conditions. */
function typesTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return undefined
  if (Array.isArray(value)) return value.map(typesTarget).find(Boolean)
  if (value && typeof value === 'object') {
    const conditions = value as Record<string, unknown>
    if (typeof conditions.types === 'string') return conditions.types
    for (const nested of Object.values(conditions)) {
      const found = typesTarget(nested)
      if (found) return found
    }
  }
  return undefined
}

/** Every entry point of a package's `exports`, in the manifest's order. */
export function entryPoints(manifest: { exports?: unknown }): EntryPoint[] {
  const { exports } = manifest
  if (exports === undefined) return []
  const map =
    typeof exports === 'string' ||
    Array.isArray(exports) ||
    Object.keys(exports as object).every((key) => !key.startsWith('.'))
      ? { '.': exports }
      : (exports as Record<string, unknown>)
  return Object.entries(map).map(([subpath, value]) => {
    const types = subpath.includes('*') ? undefined : typesTarget(value)
    return types ? { subpath, types } : { subpath }
  })
}

/** The import specifier of an entry point: `@scope/name` or `@scope/name/parse`. */
export function specifier(name: string, subpath: string): string {
  return subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`
}

/** API Extractor's report, reduced to the declarations between its code fences. */
function declarations(report: string): string {
  const code = /```ts\n([\s\S]*?)```/.exec(report)?.[1] ?? ''
  return code
    .split('\n')
    .filter((line) => !/^\s*\/\/ (@public|\(undocumented\)|\(No @packageDocumentation)/.test(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * The declarations of `names` in a declaration rollup, doc comments left out: each from its
 * `declare …`/`interface …` line to the line where its brackets close and it ends.
 */
export function unexportedDeclarations(rollup: string, names: ReadonlySet<string>): string {
  const lines = rollup.replace(/\/\*\*[\s\S]*?\*\//g, '').split('\n')
  const found: string[] = []
  for (let start = 0; start < lines.length; start++) {
    const name = /^(?:declare )?(?:interface|type|const|function|class|enum) ([\w$]+)/.exec(
      lines[start] ?? '',
    )?.[1]
    if (!name || !names.has(name)) continue
    let depth = 0
    let end = start
    for (; end < lines.length; end++) {
      const line = lines[end] ?? ''
      depth += (line.match(/[{(<[]/g) ?? []).length - (line.match(/[})\]]|(?<!=)>/g) ?? []).length
      if (depth <= 0 && /[;}]\s*$/.test(line)) break
    }
    found.push(
      lines
        .slice(start, end + 1)
        .filter((line) => line.trim() !== '')
        .join('\n')
        .replace(/\t/g, '    '),
    )
  }
  return found.sort().join('\n\n')
}

function extractorConfig(
  pkg: PackageInfo,
  entry: EntryPoint & { types: string },
  out: string,
  index: number,
): ExtractorConfig {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: pkg.dir,
      mainEntryPointFilePath: path.resolve(pkg.dir, entry.types),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            strict: true,
            target: 'es2023',
            lib: ['es2023', 'dom'],
            module: 'nodenext',
            moduleResolution: 'nodenext',
            skipLibCheck: true,
            types: [],
          },
        },
      },
      apiReport: {
        enabled: true,
        reportFolder: out,
        reportTempFolder: path.join(out, 'temp'),
        reportFileName: `${index}.api.md`,
      },
      newlineKind: 'lf',
      docModel: { enabled: false },
      // The rollup holds the declarations the entry point uses without exporting them
      // (API Extractor's "forgotten exports"): the report lists them too, so a change in
      // them is a change of the API.
      dtsRollup: { enabled: true, untrimmedFilePath: path.join(out, `${index}.d.ts`) },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          'ae-forgotten-export': {
            logLevel: ExtractorLogLevel.Warning,
            addToApiReportFile: false,
          },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: path.join(pkg.dir, 'api-extractor.json'),
    packageJsonFullPath: path.join(pkg.dir, 'package.json'),
  })
}

/** The report of one package, as it should be committed. Throws if a declaration is missing. */
export async function packageReport(pkg: PackageInfo): Promise<string> {
  const entries = entryPoints(pkg)
  const code = entries.filter((entry): entry is EntryPoint & { types: string } => !!entry.types)
  const other = entries.filter((entry) => !entry.types)
  const out = await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-api-'))
  try {
    const configs = code.map((entry, index) => extractorConfig(pkg, entry, out, index))
    const [first] = configs
    const compilerState = first
      ? CompilerState.create(first, {
          additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
        })
      : undefined
    const sections: string[] = []
    for (const [index, config] of configs.entries()) {
      const entry = code[index] as EntryPoint & { types: string }
      const errors: string[] = []
      const forgotten = new Set<string>()
      const result = Extractor.invoke(config, {
        localBuild: true,
        ...(compilerState ? { compilerState } : {}),
        messageCallback(message: ExtractorMessage) {
          if (message.logLevel === ExtractorLogLevel.Error)
            errors.push(message.formatMessageWithLocation(pkg.dir))
          const symbol = /The symbol "([^"]+)"/.exec(message.text)?.[1]
          if (message.messageId === 'ae-forgotten-export' && symbol) forgotten.add(symbol)
          message.handled = true
        },
      })
      if (!result.succeeded || errors.length > 0) {
        throw new Error(
          `API Extractor failed on ${pkg.name} (${entry.subpath} → ${entry.types}):\n${errors.join('\n')}`,
        )
      }
      const report = await readFile(path.join(out, `${index}.api.md`), 'utf8')
      const rollup = await readFile(path.join(out, `${index}.d.ts`), 'utf8')
      const unexported = unexportedDeclarations(rollup, forgotten)
      sections.push(
        `## \`${specifier(pkg.name, entry.subpath)}\`\n\n\`\`\`ts\n${declarations(report)}\n\`\`\`\n`,
        ...(unexported
          ? [`Used by the exports above, not exported:\n\n\`\`\`ts\n${unexported}\n\`\`\`\n`]
          : []),
      )
    }
    if (other.length > 0) {
      sections.push(
        `## Other exports\n\n${other.map((entry) => `- \`${specifier(pkg.name, entry.subpath)}\``).join('\n')}\n`,
      )
    }
    return [
      `# API report: \`${pkg.name}\`\n`,
      '> Generated from the built declarations by `pnpm api` (API Extractor, one run per entry',
      '> point of `exports`). Do not edit: `pnpm api:check` fails when it differs from the build.\n',
      ...sections,
    ].join('\n')
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}
