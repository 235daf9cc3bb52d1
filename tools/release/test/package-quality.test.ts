import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { describe, expect, inject, it } from 'vitest'
import { describeFailure, run } from '../src/exec.ts'
import { publicPackages } from '../src/workspace.ts'

const attw = fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url))

const packages = await publicPackages()
const tarballs = inject('tarballs')

/** Export subpaths that are stylesheets: they have no types, so attw has nothing to check. */
/** Exports that are plain files (a style sheet, text for AI tools), not modules with types. */
function fileEntrypoints(exports: unknown): string[] {
  if (!exports || typeof exports !== 'object') return []
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'string' && /\.(css|txt|md)$/.test(target))
    .map(([subpath]) => subpath)
}

describe.each(packages.map((pkg) => [pkg.packageJson.name, pkg] as const))(
  '%s quality',
  (name, pkg) => {
    const tarball = tarballs[name] ?? ''

    it('should pass publint on the packed tarball, warnings and suggestions included', async () => {
      const buffer = await readFile(tarball)
      const { messages, pkg: manifest } = await publint({
        pack: {
          tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength),
        },
        level: 'suggestion',
        strict: true,
      })
      expect(messages.map((message) => formatMessage(message, manifest) ?? message.code)).toEqual(
        [],
      )
    })

    it('should pass @arethetypeswrong/cli on the packed tarball as an ESM-only package', async () => {
      // `esm-only` skips the node10 and node16-from-CJS resolutions: the packages are
      // ESM only and need Node 22.12+, where require() of ESM works (the round trip runs it).
      const files = fileEntrypoints((pkg.packageJson as { exports?: unknown }).exports)
      const args = [tarball, '--profile', 'esm-only', '--no-color', '--format', 'ascii']
      if (files.length > 0) args.push('--exclude-entrypoints', ...files)
      const result = await run(attw, args, { cwd: path.dirname(tarball), timeout: 120_000 })
      expect(result.code, describeFailure(result)).toBe(0)
    })
  },
)
