import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { readmeApp, type ReadmeApp } from '../src/readme-app.ts'
import { repoRoot } from '../src/workspace.ts'

// The app that e2e/vite-app.e2e.ts packs, installs and runs is the one the README shows.
const fixture = fileURLToPath(new URL('../e2e/vite-app/', import.meta.url))
const readme = path.join(repoRoot, 'packages/content/README.md')

let app: ReadmeApp

beforeAll(async () => {
  app = await readmeApp(readme, 'Live guides in a Vite app')
})

describe("the content README's Vite app", () => {
  it('should show every file of the tested app, each exactly as the test runs it', async () => {
    const files = (await readdir(fixture, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(fixture, path.join(entry.parentPath, entry.name)))
      .sort()
    expect([...app.files.keys()].sort()).toEqual(files)
    for (const file of files) {
      expect(app.files.get(file), file).toBe(await readFile(path.join(fixture, file), 'utf8'))
    }
  })

  it('should install every package that a file of the app imports', async () => {
    const installed = [...app.dependencies, ...app.devDependencies]
    const imported = new Set<string>()
    for (const text of app.files.values()) {
      for (const [, name = ''] of text.matchAll(/^import .* from '([^.'][^']*)'$/gm)) {
        const parts = name.split('/')
        if (!name.startsWith('virtual:')) {
          imported.add(parts.slice(0, name.startsWith('@') ? 2 : 1).join('/'))
        }
      }
    }
    expect([...imported].sort()).toEqual([
      '@ai-engineer/content',
      '@vitejs/plugin-vue',
      'mdast-util-to-string',
      'vite',
      'vue',
    ])
    for (const name of imported) expect(installed, name).toContain(name)
    // The type check the README promises.
    expect(app.devDependencies).toEqual(expect.arrayContaining(['typescript', 'vue-tsc']))
  })
})
