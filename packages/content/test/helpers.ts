import { readdirSync } from 'node:fs'
import { cp, mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { GuideError, parseGuide } from '@ai-engineer/content/parse'
import type { GuidePage } from '@ai-engineer/content'
import type { Nodes } from 'mdast'
import { removePosition } from 'unist-util-remove-position'

/** Parse `markdown` and return its tree with positions removed. */
export async function tree(markdown: string): Promise<GuidePage['tree']> {
  const page = await parseGuide(markdown, { path: 'test.md' })
  return bare(page.tree)
}

/** A deep copy of `node` without positions. */
export function bare<T extends Nodes>(node: T): T {
  const copy = structuredClone(node)
  removePosition(copy, { force: true })
  return copy
}

/** The GuideError that parsing `markdown` rejects with (fails the test if it resolves). */
export async function parseError(markdown: string, path = 'bad.md'): Promise<GuideError> {
  try {
    await parseGuide(markdown, { path })
  } catch (error) {
    if (error instanceof GuideError) return error
    throw error
  }
  throw new Error('expected the guide to be rejected, but it parsed')
}

/** Bytes from strings (as UTF-8) and raw byte lists, in order: for hand-made files. */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const encoder = new TextEncoder()
  const chunks = parts.map((part) =>
    typeof part === 'string' ? encoder.encode(part) : Uint8Array.from(part),
  )
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/** The fixture folders: `<case>/input.md`, with `tree.json` or, for `*-error-*`, `errors.txt`. */
export const fixtures = new URL('fixtures/', import.meta.url)
const fixtureNames = readdirSync(fixtures).sort()
/** Fixtures that parse. */
export const validFixtures = fixtureNames.filter((name) => !name.includes('-error-'))
/** Fixtures that are rejected with positioned errors. */
export const errorFixtures = fixtureNames.filter((name) => name.includes('-error-'))

/**
 * A copy of the guide `fixture` in a new folder under `root`, with the paths of a cache
 * folder and an output folder beside it (not made).
 */
export async function guideCase(
  root: string,
  fixture: string,
): Promise<{ guide: string; cacheDir: string; out: string }> {
  const dir = await mkdtemp(join(root, 'case-'))
  const paths = { guide: join(dir, 'guide'), cacheDir: join(dir, 'cache'), out: join(dir, 'out') }
  await cp(fixture, paths.guide, { recursive: true })
  return paths
}
