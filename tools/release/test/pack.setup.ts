/**
 * Global setup of the fast checks: `pnpm pack` every public package once into a temporary
 * folder; the tarball, publint and attw tests all read these tarballs.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { pack, publicPackages } from '../src/workspace.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Package name → path of its packed tarball. */
    tarballs: Record<string, string>
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-pack-'))
  const packages = await publicPackages()
  const entries = await Promise.all(
    packages.map(async (pkg) => [pkg.packageJson.name, await pack(pkg.dir, dir)] as const),
  )
  project.provide('tarballs', Object.fromEntries(entries))
  return () => rm(dir, { recursive: true, force: true })
}
