/**
 * Global setup of the built-deck e2e group: the deck as the Pages workflow deploys it,
 * built once for every suite that looks at it. It is served from a sub-path
 * (`--base /ai-engineer/`) and shows the QR code to its address (`TALK_URL`). The build
 * goes to a temporary site; suites get its folder with `inject('deployedDeck')`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { cleanEnv } from '@ai-engineer/test-utils'
import type { TestProject } from 'vitest/node'
import { appDir, slidevBin } from '../test/deck.ts'

export interface DeployedDeck {
  /** The temporary site: the deck is in `<site><base>`. */
  site: string
  /** The sub-path it is built for, with a leading and a trailing slash. */
  base: string
  /** The `TALK_URL` it is built with: the QR code's address. */
  url: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    deployedDeck: DeployedDeck
  }
}

const run = promisify(execFile)

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const deck: DeployedDeck = {
    site: await mkdtemp(join(tmpdir(), 'talk-deployed-')),
    base: '/ai-engineer/',
    url: 'https://speaker.example/so-you-wana-be-an-ai-engineer/',
  }
  const started = Date.now()
  await run(
    process.execPath,
    [slidevBin, 'build', '--base', deck.base, '--out', join(deck.site, deck.base)],
    { cwd: appDir, env: cleanEnv({ TALK_URL: deck.url }), maxBuffer: 32 * 1024 * 1024 },
  )
  console.log(
    `built the deck for ${deck.base} with TALK_URL=${deck.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  project.provide('deployedDeck', deck)
  return () => rm(deck.site, { recursive: true, force: true })
}
