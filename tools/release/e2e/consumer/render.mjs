// A user's ESM script: import the guide and render it to HTML on the server.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { guide, guideIndex, loadPage } from '@ai-engineer/content'
import { GuideRenderer } from '@ai-engineer/components'
import { h } from 'vue'
import { renderToString } from 'vue/server-renderer'

const page = guide.pages[0]
assert.ok(page, 'the guide has a page')
const html = await renderToString(h(GuideRenderer, { node: page.tree }))

assert.ok(html.includes(guide.title), `the HTML contains the title ${JSON.stringify(guide.title)}`)
const svgs = html.match(/<svg[\s>]/g) ?? []
assert.ok(svgs.length > 0, 'the HTML contains the native diagrams (<svg>)')
assert.ok(!/<script/i.test(html), 'the HTML contains no <script>')

// One page at a time: the index names the pages, loadPage loads one from its own module.
assert.equal(guideIndex.pages[0]?.id, page.id, 'the index lists the pages in order')
const loaded = await loadPage(page.id)
assert.deepEqual(loaded.tree, page.tree, 'loadPage gives the same tree as the guide')

const css = fileURLToPath(import.meta.resolve('@ai-engineer/components/style.css'))
assert.ok(existsSync(css), '@ai-engineer/components/style.css resolves to a file')

console.log(
  JSON.stringify({ title: guide.title, bytes: html.length, svgs: svgs.length, css: true }),
)
