/**
 * The example app of a README section, as its code blocks show it: a block whose first
 * line is a comment naming a file (`// vite.config.js`, `<!-- src/App.vue -->`) is that
 * file, the comment left out, and so is a block whose fence names one (`title="..."`, for
 * formats without comments); `npm install` lines name its dependencies. The Vite app
 * end-to-end test installs what this reads, and a fast test keeps the blocks equal to the
 * app it runs.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runOk } from './exec.ts'

export interface ReadmeApp {
  /** File path (relative to the app) → text, as the README shows it. */
  files: Map<string, string>
  dependencies: string[]
  devDependencies: string[]
}

const fileComment = /^(?:\/\/ (\S+)|<!-- (\S+) -->)$/

/** The example app of the section under the heading `## <heading>` of `readme`. */
export async function readmeApp(readme: string, heading: string): Promise<ReadmeApp> {
  const text = await readFile(readme, 'utf8')
  const start = text.indexOf(`\n## ${heading}\n`)
  if (start === -1) throw new Error(`${readme}: no section "## ${heading}"`)
  const end = text.indexOf('\n## ', start + 1)
  const section = text.slice(start, end === -1 ? undefined : end)
  const app: ReadmeApp = { files: new Map(), dependencies: [], devDependencies: [] }
  const blocks = section.matchAll(/^```[a-z]*(?: title="([^"]+)")?\n([\s\S]*?)^```$/gm)
  for (const [, title, body = ''] of blocks) {
    const [first = '', ...rest] = body.split('\n')
    const named = fileComment.exec(first)
    if (title || named) {
      app.files.set(title ?? named?.[1] ?? named?.[2] ?? '', title ? body : rest.join('\n'))
      continue
    }
    for (const line of body.split('\n')) {
      const words = line.trim().split(/\s+/)
      if (words[0] !== 'npm' || words[1] !== 'install') continue
      const dev = words.includes('--save-dev')
      const names = words.slice(2).filter((word) => !word.startsWith('-'))
      ;(dev ? app.devDependencies : app.dependencies).push(...names)
    }
  }
  return app
}

/** What {@link installReadmeApp} needs: the app's folder, its name, the packed package. */
export interface InstallOptions {
  /** The app's folder, with its files written. */
  app: string
  /** The `name` of its `package.json`. */
  name: string
  /** The README's app: the packages its `npm install` lines name. */
  readme: ReadmeApp
  /** `@ai-engineer/content` as a packed tarball. */
  tarball: string
  /** The catalog of pnpm-workspace.yaml: the version range of each other package. */
  catalog: Readonly<Record<string, string>>
  /** Ranges for packages the catalog does not hold. */
  ranges?: Readonly<Record<string, string>>
  env: NodeJS.ProcessEnv
}

/**
 * Write the app's `package.json` (the README's packages at the catalog's versions, the
 * tarball for `@ai-engineer/content`) and `npm install` it, as a user would. Resolves with
 * how long the install took.
 *
 * Not `--prefer-offline`: the app resolves ranges, and npm would then take each package's
 * list of versions from its cache however old, so a package released since (a new
 * `astro`, fetched) could ask for a version of its dependency that the cached list lacks
 * (`ETARGET`). npm still takes the tarballs from its cache.
 */
export async function installReadmeApp(options: InstallOptions): Promise<number> {
  const range = (name: string): string => {
    if (name === '@ai-engineer/content') return `file:${options.tarball}`
    const version = options.ranges?.[name] ?? options.catalog[name]
    if (!version) throw new Error(`${name}: not in the catalog of pnpm-workspace.yaml`)
    return version
  }
  const versions = (names: readonly string[]) =>
    Object.fromEntries(names.map((name) => [name, range(name)]))
  const manifest = {
    name: options.name,
    private: true,
    type: 'module',
    dependencies: versions(options.readme.dependencies),
    ...(options.readme.devDependencies.length > 0
      ? { devDependencies: versions(options.readme.devDependencies) }
      : {}),
  }
  await writeFile(join(options.app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const install = await runOk('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: options.app,
    env: options.env,
    timeout: 300_000,
  })
  return install.ms
}
