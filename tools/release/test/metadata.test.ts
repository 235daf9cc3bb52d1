import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { extract, publicPackages, readJson, repoRoot, repositoryUrl } from '../src/workspace.ts'

interface Manifest {
  name: string
  description?: string
  keywords?: string[]
  license?: string
  author?: unknown
  homepage?: string
  bugs?: { url?: string }
  repository?: { type?: string; url?: string; directory?: string }
  engines?: Record<string, string>
  publishConfig?: Record<string, unknown>
}

/** Keywords each package must carry (others may follow). */
const requiredKeywords: Record<string, string[]> = {
  '@ai-engineer/content': ['ai-engineer', 'mdast', 'unified', 'remark'],
  '@ai-engineer/components': ['ai-engineer', 'vue', 'mdast', 'slidev', 'slidev-addon'],
}

const packages = await publicPackages()
const tarballs = inject('tarballs')

// Read from the packed package.json: what the registry and users' tools will see.
describe.each(packages.map((pkg) => [pkg.packageJson.name, pkg] as const))(
  '%s metadata',
  (name, pkg) => {
    const directory = path.relative(repoRoot, pkg.dir).split(path.sep).join('/')
    let tmp: string
    let unpacked: string
    let manifest: Manifest

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-metadata-'))
      unpacked = await extract(tarballs[name] ?? '', tmp)
      manifest = await readJson<Manifest>(path.join(unpacked, 'package.json'))
    })
    afterAll(() => rm(tmp, { recursive: true, force: true }))

    it('should describe the package and carry its keywords', () => {
      expect(manifest.description?.length).toBeGreaterThan(30)
      expect(manifest.keywords).toEqual(expect.arrayContaining(requiredKeywords[name] ?? []))
    })

    it('should point at its folder of the repository, its homepage and its issues', () => {
      expect(manifest.repository).toEqual({
        type: 'git',
        url: `git+${repositoryUrl}.git`,
        directory,
      })
      expect(manifest.homepage).toBe(`${repositoryUrl}/tree/main/${directory}#readme`)
      expect(manifest.bugs).toEqual({ url: `${repositoryUrl}/issues` })
    })

    it('should declare its licence, author and supported Node versions', () => {
      expect(manifest.license).toBe('MIT')
      expect(manifest.author).toBeTruthy()
      // Every maintained Node line: what the round trip's consumers run on.
      expect(manifest.engines).toEqual({ node: '^22.12.0 || ^24.0.0 || >=26.0.0' })
    })

    it('should publish publicly with provenance', () => {
      expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true })
    })

    it('should ship a LICENSE that says the code is MIT', async () => {
      const licence = await readFile(path.join(unpacked, 'LICENSE'), 'utf8')
      expect(licence).toMatch(/^MIT License/)
      expect(licence).toContain('Permission is hereby granted, free of charge')
    })
  },
)

describe('@ai-engineer/content licence', () => {
  it("should credit the guide's author and keep the guide's text out of the MIT licence", async () => {
    const content = packages.find((pkg) => pkg.packageJson.name === '@ai-engineer/content')
    const licence = await readFile(path.join(content?.dir ?? '', 'LICENSE'), 'utf8')
    expect(licence).toMatch(/does not cover the\s+guide's text/)
    expect(licence).toContain('mapattacker')
    expect(licence).toContain('https://github.com/mapattacker/ai-engineer')
  })
})
