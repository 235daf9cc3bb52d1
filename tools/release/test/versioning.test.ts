import path from 'node:path'
import { readConfig } from '@changesets/config'
import { getReleasePlan } from '@changesets/get-release-plan'
import { getPackages } from '@manypkg/get-packages'
import { describe, expect, it } from 'vitest'
import { publicPackages, readJson, repoRoot, workspacePackages } from '../src/workspace.ts'

async function config() {
  const result = await readConfig(repoRoot, await getPackages(repoRoot))
  if (!result.config) throw new Error(result.errors.join('\n'))
  return result.config
}

describe('versioning', () => {
  it('should put every public package in the one fixed group, and nothing private', async () => {
    const { fixed } = await config()
    const publicNames = (await publicPackages()).map((pkg) => pkg.packageJson.name)
    const privateNames = (await workspacePackages())
      .filter((pkg) => pkg.packageJson.private)
      .map((pkg) => pkg.packageJson.name)

    expect(publicNames).toEqual(['@ai-engineer/components', '@ai-engineer/content'])
    expect(fixed).toHaveLength(1)
    expect([...(fixed[0] ?? [])].sort()).toEqual(publicNames)
    for (const name of privateNames) expect(fixed.flat()).not.toContain(name)
  })

  it('should keep every public package at the same version', async () => {
    const versions = new Set((await publicPackages()).map((pkg) => pkg.packageJson.version))
    expect([...versions]).toHaveLength(1)
  })

  it('should publish publicly from main and leave private packages unversioned and untagged', async () => {
    const { access, baseBranch, privatePackages, linked } = await config()
    expect(access).toBe('public')
    expect(baseBranch).toBe('main')
    expect(privatePackages).toEqual({ version: false, tag: false })
    expect(linked).toEqual([])
  })

  it('should release every public package together, at one version, from the pending changesets', async () => {
    const plan = await getReleasePlan(repoRoot)
    const publicNames = (await publicPackages()).map((pkg) => pkg.packageJson.name)
    if (plan.changesets.length === 0) {
      expect(plan.releases).toEqual([])
      return
    }
    const released = plan.releases.filter((release) => release.type !== 'none')
    expect(released.map((release) => release.name).sort()).toEqual(publicNames)
    const newVersions = new Set(released.map((release) => release.newVersion))
    expect([...newVersions]).toHaveLength(1)
    // Before the first release (everything at 0.0.0) the plan makes it 0.1.0.
    const oldVersions = new Set(released.map((release) => release.oldVersion))
    if (oldVersions.size === 1 && oldVersions.has('0.0.0')) {
      expect([...newVersions]).toEqual(['0.1.0'])
    }
  })

  it('should give every pending changeset a changelog entry', async () => {
    const plan = await getReleasePlan(repoRoot)
    for (const changeset of plan.changesets) {
      expect(changeset.summary.length, `.changeset/${changeset.id}.md`).toBeGreaterThan(80)
      expect(changeset.releases.length, `.changeset/${changeset.id}.md`).toBeGreaterThan(0)
    }
  })

  it('should version snapshots as 0.0.0-snapshot-<sha> and publish them under the snapshot tag only', async () => {
    const { snapshot, changelog } = await config()
    expect(snapshot).toEqual({
      useCalculatedVersion: false,
      prereleaseTemplate: '{tag}-{commit-short}',
    })
    const { scripts } = await readJson<{ scripts: Record<string, string> }>(
      path.join(repoRoot, 'package.json'),
    )
    expect(scripts['release:snapshot']).toBe(
      'changeset version --snapshot snapshot && changeset publish --tag snapshot --no-git-tag',
    )
    // The changelog generator is this package's, and works offline.
    expect(changelog).toEqual([
      '../tools/release/src/changelog.ts',
      { repo: 'ai-engineer-guide/ai-engineer', branch: 'main' },
    ])
  })

  it('should have the root scripts that cut a release', async () => {
    const { scripts } = await readJson<{ scripts: Record<string, string> }>(
      path.join(repoRoot, 'package.json'),
    )
    expect(scripts.changeset).toBe('changeset')
    expect(scripts['version-packages']).toBe('changeset version && pnpm install --lockfile-only')
    expect(scripts.release).toBe('turbo run build typecheck lint test && changeset publish')
  })
})
