import { checkGuide, guideRules, parseGuide } from '@ai-engineer/content/parse'
import type { VFileMessage } from 'vfile-message'
import { describe, expect, test } from 'vitest'

const noAlt = '# Page\n\n<figure>\n  <img src="chart.png">\n</figure>\n'

const summary = (messages: readonly VFileMessage[]) =>
  messages.map((message) => [message.fatal, message.ruleId])

describe('rules and severities', () => {
  test('should give every rule a default severity and say what it checks', () => {
    for (const [id, rule] of Object.entries(guideRules)) {
      expect(['error', 'warn', 'info', 'off'], id).toContain(rule.severity)
      expect(rule.description, id).not.toBe('')
      if (rule.fixed) expect(rule.severity, id).toBe('error')
    }
  })

  test('should keep unsafe URLs and unknown raw HTML errors that cannot be set', () => {
    expect(guideRules['url-unsafe']).toMatchObject({ severity: 'error', fixed: true })
    expect(guideRules['html-unknown']).toMatchObject({ severity: 'error', fixed: true })
    expect(guideRules['figure-alt']).toMatchObject({ severity: 'warn', fixed: false })
    expect(guideRules['attribute-dropped']).toMatchObject({ severity: 'warn', fixed: false })
  })

  test('should build a figure without alt, keeping an empty alt, with a warning', async () => {
    const { file, page } = await checkGuide(noAlt, { path: 'page.md' })
    expect(page?.figures.map((figure) => figure.alt)).toEqual([''])
    expect(summary(file.messages)).toEqual([[false, 'figure-alt']])
    expect(file.messages[0]?.reason).toContain('keeps an empty `alt`')
  })

  test('should make a warning an error when its rule is set to error', async () => {
    const { file, page } = await checkGuide(noAlt, {
      path: 'page.md',
      rules: { 'figure-alt': 'error' },
    })
    expect(page).toBeUndefined()
    expect(summary(file.messages)).toEqual([[true, 'figure-alt']])
  })

  test('should drop the messages of a rule set to off', async () => {
    const { file, page } = await checkGuide(noAlt, {
      path: 'page.md',
      rules: { 'figure-alt': 'off' },
    })
    expect(page).toBeDefined()
    expect(file.messages).toEqual([])
  })

  test('should fail a page on a warning under strict, naming it at its line and column', async () => {
    await expect(parseGuide(noAlt, { path: 'page.md' })).resolves.toBeDefined()
    await expect(parseGuide(noAlt, { path: 'page.md', strict: true })).rejects.toThrow(
      /^page\.md:4:3: A figure has no text alternative/,
    )
  })

  test.each([
    [{ 'url-unsafe': 'off' }, 'Rule `url-unsafe` is always an error'],
    [{ 'no-such-rule': 'warn' }, 'Unknown rule `no-such-rule`'],
    [{ 'figure-alt': 'loud' }, 'Rule `figure-alt` takes error, warn or off, not `loud`'],
  ])('should refuse the rule settings %j', async (rules, message) => {
    const parsing = parseGuide(noAlt, { rules: rules as never })
    await expect(parsing).rejects.toBeInstanceOf(TypeError)
    await expect(parsing).rejects.toThrow(message)
  })
})
