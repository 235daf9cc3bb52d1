import { readFileSync } from 'node:fs'
import { guideRules } from '@ai-engineer/content/parse'
import { expect, test } from 'vitest'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

test('should list every rule in the README with its default severity', () => {
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` +\| (error|warn|info|off)( \(always\))? +\|/gm)]
  expect(
    Object.fromEntries(rows.map(([, id, severity, fixed]) => [id, [severity, !!fixed]])),
  ).toEqual(
    Object.fromEntries(
      Object.entries(guideRules).map(([id, rule]) => [id, [rule.severity, rule.fixed]]),
    ),
  )
})
