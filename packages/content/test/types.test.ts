import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
const workDir = mkdtempSync(join(tmpdir(), 'content-types-'))

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

/** A fresh consumer project that sees the package through node_modules, as installed. */
function consumer(moduleOption: string, moduleResolution: string): string {
  const dir = join(workDir, moduleResolution)
  mkdirSync(join(dir, 'node_modules/@ai-engineer'), { recursive: true })
  symlinkSync(packageDir, join(dir, 'node_modules/@ai-engineer/content'), 'dir')
  symlinkSync(join(packageDir, 'node_modules/@types'), join(dir, 'node_modules/@types'), 'dir')
  copyFileSync(new URL('consumer/consumer.ts', import.meta.url), join(dir, 'consumer.ts'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: moduleOption,
        moduleResolution,
        target: 'es2022',
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        types: [],
        skipLibCheck: false,
      },
      files: ['consumer.ts'],
    }),
  )
  return dir
}

describe('types for consumers', () => {
  test.each([
    ['nodenext', 'nodenext'],
    ['esnext', 'bundler'],
  ])(
    'should type-check a consumer under module %s, moduleResolution %s',
    async (moduleOption, resolution) => {
      const dir = consumer(moduleOption, resolution)
      const result = await run(process.execPath, [tsc, '-p', dir]).then(
        () => ({ code: 0, output: '' }),
        (error: { code: number; stdout: string }) => ({ code: error.code, output: error.stdout }),
      )
      expect(result.output).toBe('')
      expect(result.code).toBe(0)
    },
  )

  test('should fail type-check when a consumer names a section its page does not have, or a page', async () => {
    const dir = consumer('nodenext', 'node16')
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { getSection } from '@ai-engineer/content'",
        "getSection('intro', 'opening')",
        "getSection('intro', 'intr0')",
        "getSection('intr0', 'opening')",
        '',
      ].join('\n'),
    )
    const result = await run(process.execPath, [tsc, '-p', dir]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    )
    expect(
      result
        .trim()
        .split('\n')
        .map((line) => line.replace(/^.*consumer\.ts/, 'consumer.ts')),
    ).toEqual([
      `consumer.ts(3,21): error TS2345: Argument of type '"intr0"' is not assignable to parameter of type '"opening" | "ai-scientists" | "ai-engineers" | "not-convinced"'.`,
      `consumer.ts(4,12): error TS2345: Argument of type '"intr0"' is not assignable to parameter of type '"intro"'.`,
    ])
  })
})
