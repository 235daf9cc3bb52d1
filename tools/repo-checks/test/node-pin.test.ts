import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const read = (file: string) => readFile(join(root, file), 'utf8')
interface Manifest {
  engines?: Record<string, string>
  devEngines?: unknown
  packageManager?: string
}
const json = async (file: string) => JSON.parse(await read(file)) as Manifest

/** What the published packages promise their consumers: every maintained Node line. */
const consumerEngines = '^22.12.0 || ^24.0.0 || >=26.0.0'

describe('the Node pin', () => {
  it('should pin one Node 26 LTS release in .node-version', async () => {
    expect((await read('.node-version')).trim()).toMatch(/^26\.\d+\.\d+$/)
  })

  it('should make pnpm refuse an older Node, through devEngines, with the same floor as engines', async () => {
    const pin = (await read('.node-version')).trim()
    const manifest = await json('package.json')
    expect(manifest.devEngines).toEqual({
      runtime: { name: 'node', version: '>=26.0.0', onFail: 'error' },
    })
    expect(manifest.engines).toEqual({ node: '>=26.0.0' })
    expect(Number(pin.split('.')[0])).toBe(26)
  })

  it('should promise consumers every maintained Node line, in engines and in each README', async () => {
    for (const pkg of ['packages/content', 'packages/components']) {
      expect((await json(`${pkg}/package.json`)).engines).toEqual({ node: consumerEngines })
      expect(await read(`${pkg}/README.md`)).toContain(`\`${consumerEngines}\``)
    }
  })

  it('should say the same in the root README and CONTRIBUTING.md', async () => {
    const pin = (await read('.node-version')).trim()
    const pnpm = (await json('package.json')).packageManager?.replace('pnpm@', '')
    const readme = await read('README.md')
    expect(readme).toContain('**Node.js 26 LTS**')
    expect(readme).toContain(pin)
    expect(readme).toContain(`pnpm@${pnpm}`)
    expect(await read('CONTRIBUTING.md')).toContain(`\`.node-version\`: ${pin}`)
  })

  it('should install the pinned Node in .ci/run before anything else runs', async () => {
    const script = await read('.ci/run')
    const steps = [...script.matchAll(/^step '([^']+)'/gm)].map((match) => match[1])
    expect(steps[0]).toBe('Node')
    expect(script).toContain('NODE_WANT=$(cat .node-version)')
    expect(script).toMatch(/npm install --prefix "\$NODE_HOME"[^\n]*"\$NODE_PKG@\$NODE_WANT"/)
    expect(script.indexOf('node -v')).toBeLessThan(script.indexOf("step 'pnpm'"))
  })
})
