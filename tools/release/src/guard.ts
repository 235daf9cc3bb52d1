/**
 * The semver guard: when a published package's API report differs from the base's (the
 * merge-base with main, or the last release when HEAD is on main), the pending changesets
 * must name that package with a bump at least what the change needs (`api-diff.ts`).
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { getPackages } from '@manypkg/get-packages'
import { parse as parseYaml } from 'yaml'
import {
  bumpFor,
  classifyReportChange,
  covers,
  highestLevel,
  maxBump,
  type Bump,
  reportPath,
  type LineChange,
} from './api-diff.ts'
import { run } from './exec.ts'

export interface Base {
  sha: string
  description: string
}

export interface PackageVerdict {
  name: string
  version: string
  report: string
  changes: LineChange[]
  needed: Bump | 'none'
  given: Bump | 'none'
  changesets: string[]
  ok: boolean
}

export interface GuardResult {
  ok: boolean
  base: Base
  packages: PackageVerdict[]
  /** What the guard prints. */
  output: string
}

async function git(root: string, args: string[]): Promise<string | undefined> {
  const result = await run('git', args, { cwd: root })
  return result.code === 0 ? result.stdout.trim() : undefined
}

/**
 * The commit to compare with: `explicit` if given; otherwise the merge-base of HEAD and
 * `main` (or `origin/main`); when that is HEAD itself (on main), the last release's tag.
 */
export async function resolveBase(root: string, explicit?: string): Promise<Base> {
  if (explicit) {
    const sha = await git(root, ['rev-parse', '--verify', `${explicit}^{commit}`])
    if (!sha) throw new Error(`API guard: the base ${explicit} is not a commit of this repository`)
    return { sha, description: explicit }
  }
  const head = await git(root, ['rev-parse', 'HEAD'])
  if (!head) throw new Error(`API guard: ${root} is not a git repository with a commit`)
  for (const branch of ['main', 'origin/main']) {
    const sha = await git(root, ['merge-base', 'HEAD', branch])
    if (!sha) continue
    if (sha !== head) return { sha, description: `the merge-base of HEAD and ${branch}` }
    break
  }
  const tag = await git(root, ['describe', '--tags', '--abbrev=0', '--match', '@ai-engineer/*@*'])
  const tagSha = tag && (await git(root, ['rev-list', '-n', '1', tag]))
  if (tag && tagSha) return { sha: tagSha, description: `the last release (${tag})` }
  return {
    sha: head,
    description: 'HEAD (HEAD is on main and nothing is released yet): uncommitted changes only',
  }
}

/** The pending changesets: package name → the largest bump, and the files naming it. */
export async function pendingBumps(
  root: string,
): Promise<Map<string, { bump: Bump; files: string[] }>> {
  const dir = path.join(root, '.changeset')
  const bumps = new Map<string, { bump: Bump; files: string[] }>()
  if (!existsSync(dir)) return bumps
  for (const file of (await readdir(dir)).sort()) {
    if (!file.endsWith('.md') || file === 'README.md') continue
    const relative = path.join('.changeset', file)
    const text = await readFile(path.join(dir, file), 'utf8')
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
    if (!front) throw new Error(`${relative}:1:1: a changeset starts with a --- frontmatter block`)
    const releases = (parseYaml(front[1] ?? '') ?? {}) as Record<string, unknown>
    for (const [name, bump] of Object.entries(releases)) {
      if (bump !== 'major' && bump !== 'minor' && bump !== 'patch') continue
      const entry = bumps.get(name) ?? { bump, files: [] }
      entry.bump = maxBump(entry.bump, bump)
      entry.files.push(relative)
      bumps.set(name, entry)
    }
  }
  return bumps
}

const levelWords = { breaking: 'breaking', minor: 'an addition', patch: 'a patch' } as const

/** Run the guard on the working tree at `root` against `base`. */
export async function runGuard(
  root: string,
  options: { base?: string } = {},
): Promise<GuardResult> {
  const base = await resolveBase(root, options.base)
  const bumps = await pendingBumps(root)
  const { packages } = await getPackages(root)
  const published = packages
    .filter((pkg) => !pkg.packageJson.private)
    .sort((a, b) => a.packageJson.name.localeCompare(b.packageJson.name))
  const lines = [
    `API guard: comparing the API reports with ${base.sha.slice(0, 7)}, ${base.description}`,
  ]
  const verdicts: PackageVerdict[] = []

  for (const pkg of published) {
    const { name, version } = pkg.packageJson
    const report = path.join(path.relative(root, pkg.dir), reportPath(pkg.dir))
    const current = existsSync(path.join(root, report))
      ? await readFile(path.join(root, report), 'utf8')
      : undefined
    const before = await git(root, ['show', `${base.sha}:${report}`])
    const pending = bumps.get(name)
    const given = pending?.bump ?? 'none'
    if (current === undefined) {
      throw new Error(`${report}: missing. Run \`pnpm api\` and commit the report.`)
    }
    if (before === undefined) {
      lines.push(`✔ ${name}: no report at the base, nothing to compare`)
      verdicts.push({
        name,
        version,
        report,
        changes: [],
        needed: 'none',
        given,
        changesets: [],
        ok: true,
      })
      continue
    }
    const changes = classifyReportChange(`${before}\n`, `${current.replace(/\n$/, '')}\n`)
    const level = highestLevel(changes)
    const needed = level ? bumpFor(level, version) : 'none'
    const ok = covers(given, needed)
    const files = pending?.files ?? []
    verdicts.push({ name, version, report, changes, needed, given, changesets: files, ok })
    if (!level) {
      lines.push(`✔ ${name}: API unchanged`)
      continue
    }
    const givenText =
      given === 'none'
        ? 'no pending changeset names it'
        : `the pending changesets give ${given} (${files.join(', ')})`
    lines.push(
      `${ok ? '✔' : '✖'} ${name}@${version}: the API changed; it needs at least a ${needed} bump, ${givenText}`,
    )
    for (const change of changes) {
      const bump = bumpFor(change.level, version)
      const where =
        change.kind === 'removed'
          ? `${report}:${change.line} (at the base)`
          : `${report}:${change.line}`
      const sign = change.kind === 'removed' ? '-' : '+'
      const mark = covers(given, bump) ? ' ' : '✖'
      const zeroX = change.level === 'breaking' && bump === 'minor' ? ', minor while 0.x' : ''
      lines.push(
        `  ${mark} ${where} [${change.section}]`,
        `      ${sign} ${change.text}`,
        `      ${levelWords[change.level]} (${change.reason}) → needs ${bump}${zeroX}`,
      )
    }
    if (!ok) {
      lines.push(
        `  Add a changeset naming ${name} with at least \`${needed}\` (\`pnpm changeset\`), saying what changed and how to update.`,
      )
    }
  }
  const allOk = verdicts.every((verdict) => verdict.ok)
  lines.push(allOk ? 'API guard: passed' : 'API guard: failed')
  return { ok: allOk, base, packages: verdicts, output: lines.join('\n') }
}
