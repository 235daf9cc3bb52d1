import { ensureNpmTool } from '@ai-engineer/test-utils'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const run = promisify(execFile)

interface Rule {
  groupName?: string
  matchManagers?: string[]
  matchDatasources?: string[]
  matchPackageNames?: string[]
  versioning?: string
  ignoreUnstable?: boolean
  enabled?: boolean
  matchUpdateTypes?: string[]
  automerge?: unknown
  dependencyDashboardApproval?: boolean
}
interface Config {
  minimumReleaseAge?: string
  automerge?: unknown
  packageRules: Rule[]
}

let validator: string

/** Renovate's own validator, in `dir` (it validates the config file it finds there). */
async function validate(dir: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [validator, '--strict'], {
      cwd: dir,
      env: { ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'text' },
      timeout: 120_000,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }
  }
}

beforeAll(async () => {
  // Renovate and its 600-odd dependencies, outside the workspace, once per machine.
  const home = await ensureNpmTool('renovate', join(root, 'tools/repo-checks/renovate'), (line) =>
    console.log(line),
  )
  validator = join(home, 'node_modules/renovate/dist/config-validator.js')
}, 900_000)

describe('renovate.json', () => {
  it("should pass Renovate's own validator, offline and in strict mode", async () => {
    const { code, output } = await validate(root)
    expect(output).toContain('Config validated successfully')
    expect(code).toBe(0)
  })

  it('should fail the validator on a broken config (the validator really runs)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'renovate-'))
    try {
      const config = JSON.parse(await readFile(join(root, 'renovate.json'), 'utf8')) as Config
      config.packageRules[0]!.automerge = 'sometimes'
      await writeFile(join(dir, 'renovate.json'), JSON.stringify(config))
      const { code, output } = await validate(dir)
      expect(code).toBe(1)
      expect(output).toContain('automerge')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('should group unified, Vue, Slidev and tooling, wait three days, and never auto-merge a major', async () => {
    const config = JSON.parse(await readFile(join(root, 'renovate.json'), 'utf8')) as Config
    const rules = config.packageRules
    expect(rules.map((rule) => rule.groupName).filter(Boolean)).toEqual([
      'unified',
      'vue',
      'slidev',
      'tooling',
      'node',
    ])
    expect(config.minimumReleaseAge).toBe('3 days')
    const majors = rules.filter((rule) => rule.matchUpdateTypes?.includes('major'))
    expect(majors).toHaveLength(1)
    expect(majors[0]).toMatchObject({ automerge: false, dependencyDashboardApproval: true })
    expect(rules.some((rule) => rule.automerge === true)).toBe(false)
    expect(config.automerge).not.toBe(true)
  })

  it('should move .node-version only to an LTS release, and leave the CI containers to follow its major', async () => {
    const config = JSON.parse(await readFile(join(root, 'renovate.json'), 'utf8')) as Config
    const node = config.packageRules.find((rule) => rule.groupName === 'node')
    expect(node).toMatchObject({
      matchManagers: ['nodenv'],
      versioning: 'node',
      ignoreUnstable: true,
    })
    const containers = config.packageRules.find(
      (rule) =>
        rule.matchDatasources?.includes('docker') && rule.matchPackageNames?.includes('node'),
    )
    expect(containers?.enabled).toBe(false)
  })
})
