/**
 * axe-core in Chromium over the built deck: every slide at its last click, the presenter
 * view and the overview, against a stock Slidev deck with as many slides (built here with
 * the shared stock deck of @ai-engineer/test-utils, as tools/bench does).
 *
 * A violation is ours when its element is inside a slide's layout or a slide's notes
 * (what our layouts, components, styles and notes make): there must be none. The rest
 * is Slidev's own controls: per rule, ours may be no worse than the stock deck's.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildStockDeck,
  launchChromium,
  serveStatic,
  type StaticServer,
} from '@ai-engineer/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appDir, deckSlides } from '../test/deck.ts'

const require = createRequire(import.meta.url)
/** Where our markup is: a slide's layout, or a slide's notes (presenter, overview). */
const ownedSelector = '.slidev-layout, .slidev-note, .talk-qr'

interface Finding {
  rule: string
  view: string
  target: string
  owned: boolean
  summary: string
}

let work: string
let servers: StaticServer[] = []
let browser: Browser
let axeSource: string
let total: number
const findings: Record<'ours' | 'stock', Finding[]> = { ours: [], stock: [] }

/** axe's violations on `path` of the deck at `origin`, opened in `page`. */
async function audit(
  page: Page,
  origin: string,
  path: string,
  ready: string,
  view: string,
): Promise<Finding[]> {
  await page.goto(`${origin}${path}`, { waitUntil: 'load' })
  await page.locator(ready).first().waitFor()
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  // Transitions done: axe measures the colours as they end up.
  await page.waitForTimeout(600)
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(
    async ({ owned }) => {
      const { axe } = window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string
              nodes: { target: string[]; failureSummary?: string }[]
            }[]
          }>
        }
      }
      const result = await axe.run(document, { resultTypes: ['violations'] })
      return result.violations.flatMap((violation) =>
        violation.nodes.map((node) => {
          const selector = node.target.at(-1) ?? ''
          const element = selector ? document.querySelector(selector) : null
          return {
            rule: violation.id,
            target: node.target.join(' >> '),
            owned: Boolean(element?.closest(owned)),
            summary: (node.failureSummary ?? '').split('\n').slice(0, 2).join(' '),
          }
        }),
      )
    },
    { owned: ownedSelector },
  )
  return violations.map((violation) => ({ ...violation, view }))
}

/**
 * Every view of the deck at `origin`: each slide at its last click, presenter, overview;
 * one tab throughout, so the deck (and our service worker's precache) loads once.
 */
async function auditDeck(origin: string): Promise<Finding[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  const found: Finding[] = []
  try {
    for (let no = 1; no <= total; no++) {
      // More clicks than any slide has: Slidev stops at the slide's last one.
      const ready = `#slide-content .slidev-page-${no} .slidev-layout`
      found.push(...(await audit(page, origin, `/${no}?clicks=99`, ready, `slide ${no}`)))
    }
    const notes = '.slidev-note, #slide-content'
    found.push(...(await audit(page, origin, '/presenter/1', notes, 'presenter')))
    found.push(...(await audit(page, origin, '/overview', '.overview-slide-block', 'overview')))
  } finally {
    await context.close()
  }
  return found
}

function countByRule(found: Finding[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { rule } of found) counts.set(rule, (counts.get(rule) ?? 0) + 1)
  return counts
}

beforeAll(async () => {
  const dist = join(appDir, 'dist')
  if (!existsSync(join(dist, 'index.html'))) throw new Error('run `pnpm build` first')
  total = (await deckSlides()).length
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  work = await mkdtemp(join(tmpdir(), 'talk-a11y-'))
  const stock = await buildStockDeck({
    work,
    slides: total,
    nodeModules: join(appDir, 'node_modules'),
    favicon: join(appDir, 'public/favicon.svg'),
  })
  const ours = await serveStatic(dist)
  servers.push(ours)
  const stockServer = await serveStatic(stock.dist)
  servers.push(stockServer)
  browser = await launchChromium()
  findings.ours = await auditDeck(ours.origin)
  findings.stock = await auditDeck(stockServer.origin)
  // A stock build and twenty audited pages, on a busy CI machine.
}, 900_000)

afterAll(async () => {
  await browser?.close()
  for (const server of servers) await server.stop()
  servers = []
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the deck under axe-core', () => {
  it('should audit every slide, the presenter view and the overview of both decks', () => {
    const ours = countByRule(findings.ours)
    const stock = countByRule(findings.stock)
    const rules = [...new Set([...ours.keys(), ...stock.keys()])].sort()
    const rows = rules.map(
      (rule) => `| ${rule} | ${stock.get(rule) ?? 0} | ${ours.get(rule) ?? 0} |`,
    )
    console.log(
      [
        `axe-core over ${total} slides, presenter, overview (nodes per rule):`,
        '| rule | stock | ours |',
        '| --- | --- | --- |',
        ...rows,
      ].join('\n'),
    )
    // The stock deck has Slidev's own findings: the audit did run.
    expect(findings.stock.length).toBeGreaterThan(0)
  })

  it('should find nothing in our layouts, components, styles or notes', () => {
    const owned = findings.ours.filter((finding) => finding.owned)
    expect(owned.map((f) => `${f.view}: ${f.rule} at ${f.target}: ${f.summary}`)).toEqual([])
  })

  it("should be no worse than a stock deck on any rule (Slidev's own controls)", () => {
    const ours = countByRule(findings.ours)
    const stock = countByRule(findings.stock)
    const worse = [...ours].filter(([rule, count]) => count > (stock.get(rule) ?? 0))
    const detail = worse.map(([rule]) =>
      findings.ours
        .filter((finding) => finding.rule === rule)
        .map((f) => `${f.view}: ${rule} at ${f.target}`)
        .join('\n'),
    )
    expect(worse, detail.join('\n')).toEqual([])
  })
})
