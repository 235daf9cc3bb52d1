import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const notice = readFileSync(join(packageDir, 'dist/bundled-licenses.md'), 'utf8')
/** Each package's section: its heading, then its licence, author and text. */
const sections = notice
  .split(/^## /m)
  .slice(1)
  .map((section) => {
    const [heading, ...rest] = section.split('\n')
    return { heading: heading!, body: rest.join('\n') }
  })

describe('the licences of the libraries the bin and the worker inline', () => {
  test('should name the two bundles', () => {
    expect(notice).toMatch(
      /^# Licences of the bundled libraries\n\n`dist\/cli\.js` and `dist\/worker\.js`/,
    )
  })

  test.each([
    'micromark',
    'mdast-util-from-markdown',
    'unified',
    'yaml',
    'gemoji',
    'github-slugger',
    'vfile-reporter',
    'mdast-util-gfm-table',
    '@ungap/structured-clone',
  ])('should list %s, which the pipeline runs', (name) => {
    const section = sections.find(({ heading }) => heading.startsWith(`${name}@`))
    expect(section?.heading).toMatch(/@\d+\.\d+\.\d+/)
    expect(section?.body).toMatch(/^\nLicense: \S/)
  })

  test('should give each package its licence text, or for those that ship none its author', () => {
    // Packages with no licence file in their folder: their manifest's licence and author.
    const noFile = ['eastasianwidth', 'format']
    expect(sections.length).toBeGreaterThan(50)
    for (const { heading, body } of sections) {
      expect(body, heading).toMatch(/^\nLicense: \S/)
      if (noFile.includes(heading.slice(0, heading.lastIndexOf('@')))) {
        expect(body, heading).toMatch(/\nAuthor: \S/)
      } else {
        expect(body, heading).toMatch(/```text\n[^`]*(Copyright|Permission|License)/i)
      }
    }
    const names = sections.map(({ heading }) => heading)
    expect(new Set(names).size).toBe(names.length)
  })
})
