import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  extract,
  publicPackages,
  readCatalog,
  readJson,
  tarballFiles,
  workspacePackages,
} from '../src/workspace.ts'

/**
 * What each tarball holds, exactly. A change here is a change to what users download:
 * update the list on purpose, in the same commit as the change that needs it.
 * CHANGELOG.md is added when the package has one (after the first `pnpm version-packages`).
 */
const expectedFiles: Record<string, string[]> = {
  '@ai-engineer/content': [
    'LICENSE',
    'README.md',
    'bin/ai-engineer-content.js',
    'dist/chunks/derived-data.js',
    'dist/chunks/errors.js',
    'dist/chunks/formats.js',
    'dist/chunks/guide-error.js',
    'dist/chunks/guide.d.ts',
    'dist/chunks/index.d.ts',
    'dist/chunks/index2.d.ts',
    'dist/chunks/index3.d.ts',
    'dist/chunks/limits.js',
    'dist/chunks/links.js',
    'dist/chunks/load.js',
    'dist/chunks/messages.js',
    'dist/chunks/module.d.ts',
    'dist/chunks/module.js',
    'dist/chunks/nodes.js',
    'dist/chunks/parse-pages.js',
    'dist/chunks/safe-url.js',
    'dist/chunks/source.js',
    'dist/chunks/to-html.d.ts',
    'dist/chunks/to-html.js',
    'dist/chunks/to-jsx.d.ts',
    'dist/chunks/to-markdown.d.ts',
    'dist/chunks/types.d.ts',
    'dist/chunks/walk.js',
    'dist/astro.d.ts',
    'dist/astro.js',
    'dist/bundled-licenses.md',
    'dist/cli.d.ts',
    'dist/cli.js',
    'dist/derived.d.ts',
    'dist/derived.js',
    'dist/html.d.ts',
    'dist/html.js',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/jsx.d.ts',
    'dist/jsx.js',
    'dist/llms-full.txt',
    'dist/llms.txt',
    'dist/llms/intro.md',
    'dist/markdown.d.ts',
    'dist/markdown.js',
    'dist/pages/intro.js',
    'dist/parse.d.ts',
    'dist/parse.js',
    'dist/runtime.d.ts',
    'dist/runtime.js',
    'dist/schema.json',
    'dist/search.d.ts',
    'dist/search.js',
    'dist/vite.d.ts',
    'dist/vite.js',
    'dist/worker.d.ts',
    'dist/worker.js',
    'guide/intro.md',
    'package.json',
  ],
  '@ai-engineer/components': [
    'LICENSE',
    'README.md',
    'dist/index.d.ts',
    'dist/index.js',
    'dist/style.css',
    'package.json',
    'setup/main.ts',
  ],
}

/** Files that must never be published, whatever the list above says. */
const forbidden = [
  /^(src|test|tests|e2e|bench|scripts|fixtures|coverage)\//,
  /(^|\/)(fixtures|__snapshots__)\//,
  /\.(map|tsbuildinfo|tgz)$/,
  /\.test\.[cm]?[jt]s$/,
  /(^|\/)(tsconfig[^/]*\.json|vitest[^/]*\.[cm]?ts|tsdown[^/]*\.[cm]?ts|eslint[^/]*|\.npmrc|\.env.*)$/,
]

type Manifest = Record<string, unknown> & {
  name: string
  version: string
  exports?: unknown
}

const dependencyFields = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const

const packages = await publicPackages()
const tarballs = inject('tarballs')

describe.each(packages.map((pkg) => [pkg.packageJson.name, pkg] as const))(
  '%s tarball',
  (name, pkg) => {
    const tarball = tarballs[name]
    let unpacked: string
    let tmp: string
    let files: string[]

    beforeAll(async () => {
      if (!tarball) throw new Error(`no tarball for ${name}`)
      tmp = await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-tarball-'))
      unpacked = await extract(tarball, tmp)
      files = await tarballFiles(tarball)
    })
    afterAll(() => rm(tmp, { recursive: true, force: true }))

    it('should pack exactly the published files', () => {
      const expected = [...(expectedFiles[name] ?? [])]
      if (existsSync(path.join(pkg.dir, 'CHANGELOG.md'))) expected.push('CHANGELOG.md')
      expect(files).toEqual(expected.sort())
    })

    it('should pack no sources, tests, fixtures, configs or source maps', () => {
      const leaked = files.filter((file) => forbidden.some((pattern) => pattern.test(file)))
      expect(leaked).toEqual([])
    })

    it('should reference no source map that is not in the tarball', async () => {
      const dangling: string[] = []
      for (const file of files.filter((file) => /\.(m?js|cjs|d\.ts|css)$/.test(file))) {
        const text = await readFile(path.join(unpacked, file), 'utf8')
        for (const match of text.matchAll(/[#@]\s*sourceMappingURL=(\S+?)(?:\s*\*\/)?\s*$/gm)) {
          const target = match[1] ?? ''
          if (target.startsWith('data:')) continue
          const resolved = path.posix.join(path.posix.dirname(file), target)
          if (!files.includes(resolved)) dangling.push(`${file} → ${target}`)
        }
      }
      expect(dangling).toEqual([])
    })

    it('should replace workspace: and catalog: ranges with real versions', async () => {
      const packed = await readJson<Manifest>(path.join(unpacked, 'package.json'))
      const source = pkg.packageJson as unknown as Manifest
      const catalog = await readCatalog()
      const versions = new Map(
        (await workspacePackages()).map((p) => [p.packageJson.name, p.packageJson.version]),
      )

      for (const field of dependencyFields) {
        const sourceRanges = (source[field] ?? {}) as Record<string, string>
        const packedRanges = (packed[field] ?? {}) as Record<string, string>
        expect(Object.keys(packedRanges).sort(), field).toEqual(Object.keys(sourceRanges).sort())
        for (const [dependency, range] of Object.entries(sourceRanges)) {
          const packedRange = packedRanges[dependency]
          expect(packedRange, `${field}.${dependency}`).not.toMatch(/^(workspace|catalog):/)
          if (range === 'catalog:') {
            expect(packedRange, `${field}.${dependency}`).toBe(catalog[dependency])
          } else if (range.startsWith('workspace:')) {
            const version = versions.get(dependency)
            const prefix = range.slice('workspace:'.length)
            const wanted =
              prefix === '*'
                ? version
                : prefix === '^' || prefix === '~'
                  ? `${prefix}${version}`
                  : prefix
            expect(packedRange, `${field}.${dependency}`).toBe(wanted)
          } else {
            expect(packedRange, `${field}.${dependency}`).toBe(range)
          }
        }
      }
    })

    it('should point every export at a file in the tarball', async () => {
      const packed = await readJson<Manifest>(path.join(unpacked, 'package.json'))
      const targets: string[] = []
      const walk = (value: unknown): void => {
        if (typeof value === 'string') targets.push(value)
        else if (value && typeof value === 'object') Object.values(value).forEach(walk)
      }
      walk(packed.exports)
      expect(targets.length).toBeGreaterThan(0)
      for (const target of targets) {
        const file = target.replace(/^\.\//, '')
        if (file.includes('*')) {
          const [before = '', after = ''] = file.split('*')
          const matches = files.filter((f) => f.startsWith(before) && f.endsWith(after))
          expect(matches.length, target).toBeGreaterThan(0)
        } else {
          expect(files, target).toContain(file)
        }
      }
    })
  },
)
