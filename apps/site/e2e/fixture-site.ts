/**
 * Global setup of the site's e2e suites: the site built from a guide of many pages (a
 * copy of the content package's `devops` test guide: groups, nested groups, an external
 * link, a page outside the nav, images, links between pages; with a code block added to
 * its load-test page) under a sub-path, as a deploy would serve it. The build goes to a
 * temporary folder; suites get it with `inject('fixtureSite')`.
 */
import { execFile } from 'node:child_process'
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { cleanEnv } from '@ai-engineer/test-utils'
import type { TestProject } from 'vitest/node'

export interface FixtureSite {
  /** The folder to serve: the site is in `<root><base>`. */
  root: string
  /** The sub-path it is built for, with a leading and a trailing slash. */
  base: string
  /** The guide it is built from: its `mkdocs.yml`. */
  guide: string
}

/** The code block added to `testing/api.md`, as its text. */
export const locustCode = `from locust import HttpUser, task


class Reader(HttpUser):
    @task
    def home(self):
        self.client.get("/")`

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: FixtureSite
  }
}

const run = promisify(execFile)
export const siteDir = fileURLToPath(new URL('..', import.meta.url))
const astroBin = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'site-fixture-'))
  const source = fileURLToPath(
    new URL('../../../packages/content/test/guides/devops', import.meta.url),
  )
  const guide = join(root, 'guide')
  await cp(source, guide, { recursive: true })
  await appendFile(
    join(guide, 'docs', 'testing', 'api.md'),
    `\n## A first locustfile\n\n\`\`\`python\n${locustCode}\n\`\`\`\n`,
  )
  const site: FixtureSite = {
    root: join(root, 'site'),
    base: '/guide/',
    guide: join(guide, 'mkdocs.yml'),
  }
  const started = Date.now()
  await run(process.execPath, [astroBin, 'build', '--outDir', join(site.root, site.base)], {
    cwd: siteDir,
    env: cleanEnv({
      GUIDE: site.guide,
      SITE_BASE: site.base,
      SITE_CACHE_DIR: join(root, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    }),
    maxBuffer: 32 * 1024 * 1024,
  })
  console.log(
    `built the site of ${site.guide} for ${site.base} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  project.provide('fixtureSite', site)
  return () => rm(root, { recursive: true, force: true })
}
