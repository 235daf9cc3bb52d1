import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appDir } from './deck.ts'

const run = promisify(execFile)

// A deck with stale ids, checked as `pnpm typecheck` checks slides.md.
const badDeck = `---
layout: default
---

# <GuideTerm page="intro" section="ai-scientsts" />

<TalkFigure page="intro" figure="technical-dbt" />

<SectionEmoji page="outro" section="opening" />
`

describe('typed ids in the deck', () => {
  let dir = ''

  beforeAll(async () => {
    // Inside the app, so that its node_modules and tsconfig apply.
    dir = await mkdtemp(join(appDir, '.typecheck-'))
    const up = relative(dir, appDir)
    await writeFile(join(dir, 'slides.md'), badDeck)
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: `${up}/tsconfig.json`,
        include: ['slides.md', `${up}/types`, `${up}/components`],
      }),
    )
  })

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('should fail type-check on a slide that names an unknown id', async () => {
    const checking = run(
      process.execPath,
      [join(appDir, 'node_modules/vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', dir],
      { cwd: appDir },
    )
    const error = (await checking.then(
      () => undefined,
      (reason: unknown) => reason,
    )) as { stdout: string } | undefined
    expect(error, 'vue-tsc accepted stale ids').toBeDefined()
    // Section and figure ids are typed by the page the component names.
    expect(error?.stdout).toMatch(
      /slides\.md\(5,\d+\): error TS2820: Type '"ai-scientsts"' is not assignable to type '"opening" \| "ai-scientists" \| "ai-engineers" \| "not-convinced"'\. Did you mean '"ai-scientists"'\?/,
    )
    expect(error?.stdout).toMatch(
      /slides\.md\(7,\d+\): error TS2820: Type '"technical-dbt"' is not assignable to type '"technical-debt" \| "cd4ml-end-to-end"'\. Did you mean '"technical-debt"'\?/,
    )
    expect(error?.stdout).toMatch(
      /slides\.md\(9,\d+\): error TS\d+: Type '"outro"' is not assignable to type '"intro"'/,
    )
  }, 120_000)
})
