import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getPackages, type Package } from '@manypkg/get-packages'
import { parse as parseYaml } from 'yaml'
import { runOk } from './exec.ts'

/** The monorepo's root directory. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The repository every published package points at (repository, homepage, bugs). */
export const repositoryUrl = 'https://github.com/ai-engineer-guide/ai-engineer'

/** The workspace's packages as changesets sees them (it uses the same library). */
export async function workspacePackages(): Promise<Package[]> {
  const { packages } = await getPackages(repoRoot)
  return packages
}

/** The packages that are published: every workspace package that is not private. */
export async function publicPackages(): Promise<Package[]> {
  const packages = await workspacePackages()
  return packages
    .filter((pkg) => !pkg.packageJson.private)
    .sort((a, b) => a.packageJson.name.localeCompare(b.packageJson.name))
}

/** The default pnpm catalog: dependency name → range. */
export async function readCatalog(): Promise<Record<string, string>> {
  const text = await readFile(path.join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')
  const workspace = parseYaml(text) as { catalog?: Record<string, string> }
  return workspace.catalog ?? {}
}

export async function readJson<T = Record<string, unknown>>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

/**
 * `pnpm pack` a package into `destination`, as `pnpm publish` would pack it:
 * `workspace:` and `catalog:` ranges replaced. Returns the tarball's path.
 */
export async function pack(packageDir: string, destination: string): Promise<string> {
  const { stdout } = await runOk('pnpm', ['pack', '--pack-destination', destination, '--json'], {
    cwd: packageDir,
  })
  const { filename } = JSON.parse(stdout) as { filename: string }
  return path.resolve(destination, filename)
}

/** The files in a tarball, relative to its `package/` folder, sorted. */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await runOk('tar', ['-tzf', tarball], { cwd: path.dirname(tarball) })
  return stdout
    .split('\n')
    .filter((line) => line && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort()
}

/** Unpack a tarball into `destination`; its files end up in `destination/package/`. */
export async function extract(tarball: string, destination: string): Promise<string> {
  await runOk('tar', ['-xzf', tarball, '-C', destination], { cwd: destination })
  return path.join(destination, 'package')
}
