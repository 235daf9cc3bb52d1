/**
 * Long on purpose: one scenario whose steps share a registry and a copy of the repository, in order.
 *
 * The publish round trip, for real, on a copy of the workspace:
 *
 *   version (changesets) → publish to a local Verdaccio → a part-way failure and a rerun →
 *   publish again (nothing happens) → fresh npm and pnpm projects install both packages
 *   from that registry, render the guide with vue/server-renderer, require() the content
 *   from CommonJS and type-check under `nodenext` and `bundler`, on Node 22, 24 and 26; a
 *   fresh npm project renders it with React (`toJsx` and react-dom/server) → a snapshot
 *   release under the `snapshot` tag, `latest` left alone.
 *
 * Never touches the real registry (the copy's npm config names only 127.0.0.1) or the
 * repository's git state (the copy has its own repository). KEEP_TMP=1 keeps the folder.
 *
 * One file of more than 250 lines on purpose: every step uses the same registry and the
 * same copy, in order, and a step's state is the next one's starting point.
 */
import { existsSync, realpathSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { describeFailure, run, runOk, seconds, type RunResult } from '../src/exec.ts'
import { ensureNode, nodeVersions, type InstalledNode } from '../src/node-versions.ts'
import { ensureVerdaccio, startRegistry, type Registry } from '../src/verdaccio.ts'
import {
  publicPackages,
  readCatalog,
  readJson,
  repoRoot,
  tarballFiles,
  workspacePackages,
} from '../src/workspace.ts'

const consumerTemplate = fileURLToPath(new URL('./consumer/', import.meta.url))
const reactConsumerTemplate = fileURLToPath(new URL('./consumer/react/', import.meta.url))
const started = performance.now()

/** Progress, printed as it happens (straight to stderr: no per-test console headers). */
function log(message: string): void {
  process.stderr.write(
    `[round trip ${seconds(performance.now() - started).padStart(6)}] ${message}\n`,
  )
}

async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  log(`▶ ${title}`)
  const t0 = performance.now()
  const result = await work()
  log(`✔ ${title} (${seconds(performance.now() - t0)})`)
  return result
}

/**
 * The environment of every command: this process's, less npm/pnpm settings inherited
 * from `pnpm run` and less the workspace's own `node_modules/.bin` on PATH, so the copy
 * and the consumers see only what they set up themselves.
 */
function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm|pnpm)_/i.test(key) || /^VITEST/.test(key) || key === 'NODE_OPTIONS') continue
    env[key] = value
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(repoRoot) && !dir.startsWith(path.resolve(repoRoot)))
    .join(path.delimiter)
  return { ...env, ...extra }
}

interface Packument {
  'dist-tags'?: Record<string, string>
  versions?: Record<string, { dist: { tarball: string; integrity: string } }>
  time?: Record<string, string>
}

async function packument(registry: Registry, name: string): Promise<Packument | undefined> {
  const response = await fetch(new URL(name.replace('/', '%2f'), registry.url))
  if (response.status === 404) return undefined
  if (!response.ok) throw new Error(`GET ${name}: ${response.status}`)
  return (await response.json()) as Packument
}

async function publishedVersions(
  registry: Registry,
  names: string[],
): Promise<Record<string, string[]>> {
  const entries = await Promise.all(
    names.map(
      async (name) =>
        [name, Object.keys((await packument(registry, name))?.versions ?? {})] as const,
    ),
  )
  return Object.fromEntries(entries)
}

/** The files a manifest's `exports` point at (wildcards left out). */
function exportTargets(manifest: unknown): string[] {
  const targets: string[] = []
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.includes('*')) targets.push(value.replace(/^\.\//, ''))
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk((manifest as { exports?: unknown }).exports)
  return targets
}

const publicNames = (await publicPackages()).map((pkg) => pkg.packageJson.name)
const startVersion = (await publicPackages())[0]?.packageJson.version ?? ''

describe('publish round trip', () => {
  let tmp: string
  let registry: Registry | undefined
  let repo: string
  let npmrc: string
  let version: string
  let changeset: string
  let nodes: InstalledNode[]

  const git = (args: string[]) =>
    runOk('git', args, {
      cwd: repo,
      env: environment({
        GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
        GIT_CONFIG_NOSYSTEM: '1',
      }),
    })

  /** The copy's npm config (the local registry only) and git identity. */
  const publishEnvironment = () =>
    environment({
      npm_config_userconfig: npmrc,
      npm_config_registry: registry?.url,
      GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
      GIT_CONFIG_NOSYSTEM: '1',
    })

  /** `changeset publish` in the copy, against the local registry only. */
  const publish = async (): Promise<RunResult> => {
    const result = await run(changeset, ['publish'], { cwd: repo, env: publishEnvironment() })
    for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
      if (line.trim()) log(`  │ ${line.trim()}`)
    }
    return result
  }

  beforeAll(async () => {
    tmp = realpathSync(await mkdtemp(path.join(os.tmpdir(), 'ai-engineer-release-')))
    log(`working in ${tmp} (node ${process.version})`)
    await writeFile(
      path.join(tmp, 'gitconfig'),
      '[user]\n\tname = Round Trip\n\temail = round-trip@example.invalid\n',
    )

    const bin = await step('Verdaccio 6.8.0 installed outside the workspace', () =>
      ensureVerdaccio(log),
    )
    registry = await step('local registry started', () =>
      startRegistry(bin, path.join(tmp, 'registry'), log),
    )

    nodes = await step(`Node ${nodeVersions.join(', ')} from the npm registry`, async () => {
      const installed: InstalledNode[] = []
      for (const v of nodeVersions) installed.push(await ensureNode(v, log))
      for (const node of installed) log(`  ${path.join(node.bin, 'node')} -v: ${node.reported}`)
      return installed
    })

    repo = path.join(tmp, 'repo')
    await step(
      'workspace copied (manifests, lockfile, .changeset, the public packages)',
      async () => {
        for (const file of [
          'package.json',
          'pnpm-workspace.yaml',
          'pnpm-lock.yaml',
          'LICENSE',
          'README.md',
        ]) {
          await cp(path.join(repoRoot, file), path.join(repo, file))
        }
        // The changelog generator that .changeset/config.json names.
        await cp(path.join(repoRoot, 'tools/release/src'), path.join(repo, 'tools/release/src'), {
          recursive: true,
        })
        await cp(path.join(repoRoot, '.changeset'), path.join(repo, '.changeset'), {
          recursive: true,
        })
        for (const pkg of await workspacePackages()) {
          const target = path.join(repo, path.relative(repoRoot, pkg.dir))
          if (pkg.packageJson.private) {
            // Private packages take part only through their manifest (never versioned or published).
            await mkdir(target, { recursive: true })
            await cp(path.join(pkg.dir, 'package.json'), path.join(target, 'package.json'))
          } else {
            await cp(pkg.dir, target, {
              recursive: true,
              filter: (source) => !/(^|[/\\])(node_modules|\.turbo)$/.test(source),
            })
            // turbo builds the packages before this test; a build running elsewhere at the same
            // time (tsdown cleans dist/) would publish a package without its files.
            const missing = exportTargets(pkg.packageJson).filter(
              (file) => !existsSync(path.join(target, file)),
            )
            if (missing.length > 0) {
              throw new Error(
                `${pkg.packageJson.name} is not built (missing ${missing.join(', ')}): build it first`,
              )
            }
          }
        }
      },
    )

    await step(
      'copy prepared: provenance off, npmrc, changesets CLI, production install, git',
      async () => {
        // Provenance needs GitHub's OIDC token: npm refuses it anywhere else. Only here, in the
        // copy, is it turned off; the metadata test checks the real manifests keep it on.
        for (const pkg of await publicPackages()) {
          const file = path.join(repo, path.relative(repoRoot, pkg.dir), 'package.json')
          const manifest = await readJson<{ publishConfig: Record<string, unknown> }>(file)
          manifest.publishConfig.provenance = false
          await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`)
        }
        // CONTRIBUTING.md, "Toolchain": changeset publish needs a credential line, even anonymous.
        const host = registry?.url.replace(/^http:/, '') ?? ''
        npmrc = path.join(repo, '.npmrc')
        await writeFile(npmrc, `registry=${registry?.url}\n${host}:_authToken=anonymous\n`)
        // The published packages' production dependencies; `pnpm publish` reads the installed
        // workspace dependency to replace `workspace:^`.
        const install = await runOk(
          'pnpm',
          [
            'install',
            // CI checks the lockfile (its own `pnpm install --frozen-lockfile`); here it may lag
            // behind a workspace package being edited, which is no concern of the release.
            '--no-frozen-lockfile',
            '--prod',
            '--ignore-scripts',
            '--prefer-offline',
            ...publicNames.flatMap((name) => ['--filter', `${name}...`]),
          ],
          { cwd: repo, env: environment() },
        )
        log(`  pnpm install --prod of the public packages: ${seconds(install.ms)}`)
        // The changesets CLI is the workspace's own (a root devDependency): linked, not installed.
        const cli = realpathSync(path.join(repoRoot, 'node_modules', '@changesets', 'cli'))
        await mkdir(path.join(repo, 'node_modules', '@changesets'), { recursive: true })
        await symlink(cli, path.join(repo, 'node_modules', '@changesets', 'cli'), 'dir')
        await mkdir(path.join(repo, 'node_modules', '.bin'), { recursive: true })
        changeset = path.join(repo, 'node_modules', '.bin', 'changeset')
        await writeFile(changeset, `#!/bin/sh\nexec node "${path.join(cli, 'bin.js')}" "$@"\n`, {
          mode: 0o755,
        })
        // The changelog generator's dependencies (tools/release is private: not installed).
        await symlink(
          realpathSync(path.join(repoRoot, 'tools/release/node_modules')),
          path.join(repo, 'tools/release/node_modules'),
          'dir',
        )
        await writeFile(path.join(repo, '.gitignore'), 'node_modules/\n.npmrc\n')
        await git(['init', '--quiet', '--initial-branch=main'])
        await git(['add', '--all'])
        await git(['commit', '--quiet', '--message', 'chore: workspace before the release'])
      },
    )
  })

  afterAll(async () => {
    if (registry) {
      await registry.stop()
      log(`verdaccio stopped (PID ${registry.pid})`)
    }
    if (process.env.KEEP_TMP) log(`kept ${tmp}`)
    else if (tmp) await rm(tmp, { recursive: true, force: true })
    log('done')
  })

  it('should version both packages together with `pnpm version-packages`', async () => {
    const result = await step('pnpm version-packages (changeset version, lockfile refreshed)', () =>
      run('pnpm', ['run', 'version-packages'], {
        cwd: repo,
        env: environment({ npm_config_prefer_offline: 'true' }),
      }),
    )
    expect(result.code, describeFailure(result)).toBe(0)

    const versions: Record<string, string> = {}
    for (const pkg of await publicPackages()) {
      const dir = path.join(repo, path.relative(repoRoot, pkg.dir))
      versions[pkg.packageJson.name] = (
        await readJson<{ version: string }>(path.join(dir, 'package.json'))
      ).version
      const changelog = await readFile(path.join(dir, 'CHANGELOG.md'), 'utf8')
      expect(changelog).toContain(`## ${versions[pkg.packageJson.name]}`)
      // Each entry links to its package (tools/release/src/changelog.ts).
      expect(changelog).toContain(
        `- [\`${pkg.packageJson.name}\`](https://github.com/ai-engineer-guide/ai-engineer/tree/main/${path.relative(repoRoot, pkg.dir)})`,
      )
    }
    version = versions[publicNames[0] ?? ''] ?? ''
    log(`  versions: ${JSON.stringify(versions)}`)
    expect(new Set(Object.values(versions)).size).toBe(1)
    if (startVersion === '0.0.0') expect(version).toBe('0.1.0')

    // Private packages are neither versioned nor given a changelog.
    for (const pkg of (await workspacePackages()).filter((p) => p.packageJson.private)) {
      const dir = path.join(repo, path.relative(repoRoot, pkg.dir))
      expect((await readJson<{ version: string }>(path.join(dir, 'package.json'))).version).toBe(
        pkg.packageJson.version,
      )
      expect(existsSync(path.join(dir, 'CHANGELOG.md'))).toBe(false)
    }
    const pending = (await readdir(path.join(repo, '.changeset'))).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    )
    expect(pending).toEqual([])
    const lockfileChanged =
      (await git(['status', '--porcelain', 'pnpm-lock.yaml'])).stdout.trim() !== ''
    log(`  lockfile ${lockfileChanged ? 'refreshed' : 'unchanged'}`)
    await git(['add', '--all'])
    await git(['commit', '--quiet', '--message', 'chore(release): version packages'])
  })

  it('should finish a release that failed part-way when publish is run again', async () => {
    // One package's publish fails (a prepublishOnly hook exits 1), the other's succeeds.
    const components = path.join(repo, 'packages', 'components', 'package.json')
    const original = await readFile(components, 'utf8')
    const broken = JSON.parse(original) as { scripts: Record<string, string> }
    broken.scripts.prepublishOnly = `node -e "console.error('simulated publish failure'); process.exit(1)"`
    await writeFile(components, `${JSON.stringify(broken, null, 2)}\n`)

    const failed = await step(
      'changeset publish, with @ai-engineer/components made to fail',
      publish,
    )
    expect(failed.code).not.toBe(0)
    expect(`${failed.stdout}${failed.stderr}`).toContain('packages failed to publish')
    const partWay = await publishedVersions(registry as Registry, publicNames)
    log(`  registry after the failure: ${JSON.stringify(partWay)}`)
    expect(partWay).toEqual({ '@ai-engineer/components': [], '@ai-engineer/content': [version] })

    await writeFile(components, original)
    const rerun = await step('changeset publish again, the failure fixed', publish)
    expect(rerun.code, describeFailure(rerun)).toBe(0)
    // changesets v3 counts what it skips; the registry check below proves content was not
    // published twice.
    expect(rerun.stdout + rerun.stderr).toContain('1 packages are already published.')
    expect(rerun.stdout + rerun.stderr).not.toContain(`@ai-engineer/content@${version}`)
    const complete = await publishedVersions(registry as Registry, publicNames)
    log(`  registry after the rerun: ${JSON.stringify(complete)}`)
    expect(complete).toEqual({
      '@ai-engineer/components': [version],
      '@ai-engineer/content': [version],
    })
    for (const name of publicNames) {
      expect((await packument(registry as Registry, name))?.['dist-tags']?.latest).toBe(version)
    }
    const tags = (await git(['tag', '--list'])).stdout.trim().split('\n').sort()
    log(`  git tags in the copy: ${tags.join(', ')}`)
    expect(tags).toEqual(publicNames.map((name) => `${name}@${version}`))
  })

  it('should publish nothing and fail nothing when publish is run once more', async () => {
    const before = await Promise.all(
      publicNames.map((name) => packument(registry as Registry, name)),
    )
    const again = await step('changeset publish a third time', publish)
    expect(again.code, describeFailure(again)).toBe(0)
    expect(again.stdout + again.stderr).toContain('No unpublished projects to publish')
    expect(again.stdout + again.stderr).not.toMatch(/Publishing "/)
    const after = await Promise.all(
      publicNames.map((name) => packument(registry as Registry, name)),
    )
    expect(after.map((p) => p?.time)).toEqual(before.map((p) => p?.time))
  })

  it('should publish tarballs that hold the changelog and the replaced ranges', async () => {
    const served: Record<string, string[]> = {}
    for (const name of publicNames) {
      const meta = (await packument(registry as Registry, name))?.versions?.[version]
      const file = path.join(tmp, `${name.replace('/', '-')}.tgz`)
      const response = await fetch(meta?.dist.tarball ?? '')
      await writeFile(file, Buffer.from(await response.arrayBuffer()))
      served[name] = await tarballFiles(file)
      log(`  ${name}@${version} from the registry: ${served[name].join(', ')}`)
    }
    for (const name of publicNames) {
      expect(served[name], name).toEqual(
        expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']),
      )
    }
    const components = (await fetch(
      new URL(`@ai-engineer%2fcomponents/${version}`, registry?.url),
    ).then((r) => r.json())) as { dependencies: Record<string, string> }
    expect(components.dependencies['@ai-engineer/content']).toBe(`^${version}`)
  })

  describe.each(['npm', 'pnpm'] as const)('a fresh %s project', (manager) => {
    let consumer: string

    beforeAll(async () => {
      consumer = path.join(tmp, `consumer-${manager}`)
      await cp(consumerTemplate, consumer, { recursive: true })
      const catalog = await readCatalog()
      await writeFile(
        path.join(consumer, 'package.json'),
        `${JSON.stringify(
          {
            name: `round-trip-consumer-${manager}`,
            private: true,
            type: 'module',
            dependencies: {
              '@ai-engineer/components': version,
              '@ai-engineer/content': version,
              vue: catalog.vue,
            },
            devDependencies: {
              '@types/node': catalog['@types/node'],
              typescript: catalog.typescript,
            },
          },
          null,
          2,
        )}\n`,
      )
      // Our scope from the local registry, everything else from the usual one.
      await writeFile(path.join(consumer, '.npmrc'), `@ai-engineer:registry=${registry?.url}\n`)
    })

    it('should install both packages from the local registry', async () => {
      const args =
        manager === 'npm'
          ? ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']
          : ['install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only']
      const result = await step(`${manager} install in ${path.basename(consumer)}`, () =>
        run(manager, args, { cwd: consumer, env: environment(), timeout: 180_000 }),
      )
      expect(result.code, describeFailure(result)).toBe(0)

      for (const name of publicNames) {
        const installed = await readJson<{ version: string }>(
          path.join(consumer, 'node_modules', name, 'package.json'),
        )
        expect(installed.version).toBe(version)
        const integrity = (await packument(registry as Registry, name))?.versions?.[version]?.dist
          .integrity
        let locked: string | undefined
        if (manager === 'npm') {
          // (`resolved` may be left out: `omit-lockfile-registry-resolved`; the integrity is the proof.)
          const lock = await readJson<{ packages: Record<string, { integrity?: string }> }>(
            path.join(consumer, 'package-lock.json'),
          )
          locked = lock.packages[`node_modules/${name}`]?.integrity
        } else {
          const lock = parseYaml(await readFile(path.join(consumer, 'pnpm-lock.yaml'), 'utf8')) as {
            packages: Record<string, { resolution: { integrity?: string } }>
          }
          locked = lock.packages[`${name}@${version}`]?.resolution.integrity
        }
        expect(integrity).toMatch(/^sha512-/)
        expect(locked, `${name} is the tarball the local registry serves`).toBe(integrity)
      }
    })

    /** `node args` in the consumer, with the Node of `line` first on PATH. */
    const onNode = (line: string, args: string[]) => {
      const node = nodes.find((n) => n.version === line) as InstalledNode
      return run(path.join(node.bin, 'node'), args, {
        cwd: consumer,
        env: environment({ PATH: `${node.bin}${path.delimiter}${environment().PATH ?? ''}` }),
      })
    }

    describe.each([...nodeVersions])('on Node %s', (line) => {
      it('should run the Node it names', async () => {
        const result = await onNode(line, ['-v'])
        log(`  ${manager} consumer, node -v: ${result.stdout.trim()}`)
        expect(result.stdout.trim()).toBe(`v${line}`)
      })

      it('should render GuideRenderer with vue/server-renderer from an ESM script', async () => {
        const result = await step(`${manager}, Node ${line}: node render.mjs`, () =>
          onNode(line, ['render.mjs']),
        )
        expect(result.code, describeFailure(result)).toBe(0)
        log(`  ${result.stdout.trim()}`)
        expect(JSON.parse(result.stdout)).toMatchObject({ title: expect.any(String), css: true })
      })

      it('should require() the content package from CommonJS, with no flag', async () => {
        const result = await step(`${manager}, Node ${line}: node require.cjs`, () =>
          onNode(line, ['require.cjs']),
        )
        expect(result.code, describeFailure(result)).toBe(0)
        log(
          `  ${result.stdout.trim()}${result.stderr.trim() ? ` (stderr: ${result.stderr.trim().split('\n')[0]})` : ''}`,
        )
        expect(JSON.parse(result.stdout)).toMatchObject({
          node: `v${line}`,
          title: expect.any(String),
        })
      })
    })

    // Once a project: what tsc reports depends on TypeScript and the packages' types, not on
    // the Node that runs it (the pinned one, this process's).
    it('should type-check under moduleResolution nodenext and bundler', async () => {
      const tsc = path.join(consumer, 'node_modules', 'typescript', 'bin', 'tsc')
      const results = await step(`${manager}: tsc --noEmit (nodenext, bundler)`, () =>
        Promise.all(
          ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map((config) =>
            run(process.execPath, [tsc, '-p', config], { cwd: consumer, env: environment() }),
          ),
        ),
      )
      for (const result of results) expect(result.code, describeFailure(result)).toBe(0)
    })
  })

  it('should render the guide in a fresh npm React project, with toJsx', async () => {
    const consumer = path.join(tmp, 'consumer-react')
    await cp(reactConsumerTemplate, consumer, { recursive: true })
    const catalog = await readCatalog()
    const dependencies = {
      '@ai-engineer/content': version,
      react: catalog.react,
      'react-dom': catalog['react-dom'],
    }
    await writeFile(
      path.join(consumer, 'package.json'),
      `${JSON.stringify({ name: 'round-trip-consumer-react', private: true, type: 'module', dependencies }, null, 2)}\n`,
    )
    await writeFile(path.join(consumer, '.npmrc'), `@ai-engineer:registry=${registry?.url}\n`)
    const install = await step('npm install in consumer-react', () =>
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: consumer,
        env: environment(),
        timeout: 180_000,
      }),
    )
    expect(install.code, describeFailure(install)).toBe(0)
    const result = await step('react: node render.mjs', () =>
      run('node', ['render.mjs'], { cwd: consumer, env: environment() }),
    )
    expect(result.code, describeFailure(result)).toBe(0)
    log(`  ${result.stdout.trim()}`)
    expect(JSON.parse(result.stdout)).toMatchObject({ figures: 2, sources: 2, emoji: 2, items: 4 })
  })

  it('should publish a snapshot under the snapshot tag with `pnpm release:snapshot`, leaving latest alone', async () => {
    await writeFile(
      path.join(repo, '.changeset', 'try-this.md'),
      `---\n'@ai-engineer/content': minor\n---\n\nA change for testers to try before the release.\n`,
    )
    await git(['add', '--all'])
    await git(['commit', '--quiet', '--message', 'feat: something to try'])
    const sha = (await git(['rev-parse', 'HEAD'])).stdout.trim().slice(0, 7)
    const snapshot = `0.0.0-snapshot-${sha}`

    const result = await step('pnpm release:snapshot', () =>
      run('pnpm', ['run', 'release:snapshot'], { cwd: repo, env: publishEnvironment() }),
    )
    for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
      if (line.trim()) log(`  │ ${line.trim()}`)
    }
    expect(result.code, describeFailure(result)).toBe(0)
    for (const name of publicNames) {
      const tags = (await packument(registry as Registry, name))?.['dist-tags']
      log(`  ${name} dist-tags: ${JSON.stringify(tags)}`)
      expect(tags).toEqual({ latest: version, snapshot })
    }
    // A snapshot is no release: no git tag for it.
    expect((await git(['tag', '--list', '*snapshot*'])).stdout.trim()).toBe('')

    const tester = path.join(tmp, 'consumer-snapshot')
    await mkdir(tester, { recursive: true })
    await writeFile(path.join(tester, '.npmrc'), `@ai-engineer:registry=${registry?.url}\n`)
    await writeFile(
      path.join(tester, 'package.json'),
      `${JSON.stringify({ name: 'snapshot-tester', private: true, type: 'module' }, null, 2)}\n`,
    )
    const npm = (args: string[]) =>
      run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: tester,
        env: environment(),
        timeout: 180_000,
      })
    const install = await step('npm install @ai-engineer/content@snapshot', () =>
      // Online: npm's cached metadata of the package (from the consumers above) predates the
      // snapshot.
      npm(['install', '--prefer-online', '@ai-engineer/content@snapshot']),
    )
    expect(install.code, describeFailure(install)).toBe(0)
    const installed = await readJson<{ version: string }>(
      path.join(tester, 'node_modules', '@ai-engineer', 'content', 'package.json'),
    )
    log(`  @ai-engineer/content@snapshot installed: ${installed.version}`)
    expect(installed.version).toBe(snapshot)
    const latest = await npm(['view', '@ai-engineer/content@latest', 'version'])
    expect(latest.code, describeFailure(latest)).toBe(0)
    log(`  @ai-engineer/content@latest resolves to ${latest.stdout.trim()}`)
    expect(latest.stdout.trim()).toBe(version)
    const used = await run(
      'node',
      ['-e', "import('@ai-engineer/content').then((m) => console.log(m.guide.title))"],
      {
        cwd: tester,
        env: environment(),
      },
    )
    expect(used.code, describeFailure(used)).toBe(0)
    expect(used.stdout.trim().length).toBeGreaterThan(0)
  })
})
