/**
 * The changelog generator of `.changeset/config.json` (works offline: git and the committed
 * API reports only). Each entry links to the package(s) its changeset names, and says
 * **Breaking** when the semver guard's heuristic finds a breaking line in those packages'
 * API reports in the commit that added the changeset (a squash-merged pull request: the
 * change and its changeset land in one commit). An uncommitted changeset is compared with
 * HEAD instead.
 *
 * Options: `{ "repo": "owner/name", "branch": "main" }` for the links.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { getPackages } from '@manypkg/get-packages'
import { classifyReportChange, reportPath } from './api-diff.ts'
import { run } from './exec.ts'

interface Changeset {
  summary: string
  releases: { name: string; type: string }[]
  commit?: string | undefined
}

interface Dependency {
  name: string
  newVersion: string
}

interface Options {
  repo?: string
  branch?: string
}

async function gitShow(cwd: string, ref: string, file: string): Promise<string | undefined> {
  const result = await run('git', ['show', `${ref}:${file}`], { cwd })
  return result.code === 0 ? result.stdout : undefined
}

const dirsByRoot = new Map<string, Promise<Map<string, string>>>()

/** Each workspace package's folder, relative to the root (read once per root). */
function packageDirs(cwd: string): Promise<Map<string, string>> {
  let dirs = dirsByRoot.get(cwd)
  if (!dirs) {
    dirs = getPackages(cwd).then(
      ({ packages }) =>
        new Map(packages.map((pkg) => [pkg.packageJson.name, path.relative(cwd, pkg.dir)])),
    )
    dirsByRoot.set(cwd, dirs)
  }
  return dirs
}

function packageLink(name: string, dir: string | undefined, options: Options | null): string {
  if (!dir || !options?.repo) return `\`${name}\``
  return `[\`${name}\`](https://github.com/${options.repo}/tree/${options.branch ?? 'main'}/${dir})`
}

/** The packages whose API report has a breaking line in the changeset's commit. */
export async function breakingPackages(
  cwd: string,
  changeset: Changeset,
  dirs: Map<string, string>,
): Promise<string[]> {
  const breaking: string[] = []
  for (const { name } of changeset.releases) {
    const dir = dirs.get(name)
    if (dir === undefined) continue
    const report = path.join(dir, reportPath(dir))
    const [before, after] = changeset.commit
      ? [
          await gitShow(cwd, `${changeset.commit}^`, report),
          await gitShow(cwd, changeset.commit, report),
        ]
      : [
          await gitShow(cwd, 'HEAD', report),
          existsSync(path.join(cwd, report))
            ? await readFile(path.join(cwd, report), 'utf8')
            : undefined,
        ]
    if (before === undefined || after === undefined) continue
    if (classifyReportChange(before, after).some((change) => change.level === 'breaking')) {
      breaking.push(name)
    }
  }
  return breaking
}

/** The changelog entry of one changeset, in the repository at `cwd`. */
export async function releaseLine(
  cwd: string,
  changeset: Changeset,
  options: Options | null,
): Promise<string> {
  const dirs = await packageDirs(cwd)
  const breaking = await breakingPackages(cwd, changeset, dirs)
  const links = changeset.releases
    .filter((release) => release.type !== 'none')
    .map((release) => packageLink(release.name, dirs.get(release.name), options))
    .join(', ')
  const [first = '', ...rest] = changeset.summary.trim().split('\n')
  const label =
    breaking.length > 0 ? `**Breaking** (${breaking.map((n) => `\`${n}\``).join(', ')}) ` : ''
  const commit = changeset.commit ? ` (${changeset.commit.slice(0, 7)})` : ''
  return [
    `- ${links}${commit}: ${label}${first}`,
    ...rest.map((line) => (line ? `  ${line}` : '')),
  ].join('\n')
}

export function getReleaseLine(
  changeset: Changeset,
  _type: string,
  options: Options | null,
): Promise<string> {
  return releaseLine(process.cwd(), changeset, options)
}

export async function getDependencyReleaseLine(
  _changesets: Changeset[],
  dependencies: Dependency[],
  options: Options | null,
): Promise<string> {
  if (dependencies.length === 0) return ''
  const dirs = await packageDirs(process.cwd())
  return [
    '- Updated dependencies:',
    ...dependencies.map(
      (dep) => `  - ${packageLink(dep.name, dirs.get(dep.name), options)}@${dep.newVersion}`,
    ),
  ].join('\n')
}

export default { getReleaseLine, getDependencyReleaseLine }
