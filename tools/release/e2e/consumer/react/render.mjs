// A React user's ESM script: render the guide with toJsx and react-dom/server, from the
// published tarball, and read the files the package ships for other consumers.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { guide } from '@ai-engineer/content'
import { toJsx } from '@ai-engineer/content/jsx'
import { searchDocuments } from '@ai-engineer/content/search'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'

const page = guide.pages[0]
assert.ok(page, 'the guide has a page')
const html = renderToStaticMarkup(
  toJsx(page.tree, {
    Fragment,
    jsx,
    jsxs,
    components: { emoji: ({ name, value }) => jsx('abbr', { title: name, children: value }) },
  }),
)

const count = (pattern) => (html.match(pattern) ?? []).length
const figures = count(/<figure id="user-content-[^"]+"><img src="https:[^"]+"[^>]*\/><figcaption>/g)
const sources = count(/<figcaption>[^]*?<a href="https:[^"]+">Source<\/a><\/figcaption>/g)
const emoji = count(/<abbr title="(wink|grinning)">/g)
const items = count(/<li>/g)
assert.equal(figures, page.figures.length, 'every figure renders with its image and caption')
assert.equal(sources, page.figures.length, 'every caption ends with its source link')
assert.equal(emoji, 2, 'both emoji render through the override')
assert.equal(items, 4, 'the four list items render')
assert.ok(html.includes(guide.title), `the HTML contains the title ${JSON.stringify(guide.title)}`)
assert.ok(!/<script|javascript:/i.test(html), 'the HTML contains no script')

const shipped = (subpath) => readFileSync(fileURLToPath(import.meta.resolve(subpath)), 'utf8')
const schema = JSON.parse(shipped('@ai-engineer/content/schema.json'))
assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
assert.ok(shipped('@ai-engineer/content/llms.txt').startsWith(`# ${guide.title}\n`))
assert.equal(searchDocuments.length, page.sections.length)

console.log(
  JSON.stringify({ title: guide.title, bytes: html.length, figures, sources, emoji, items }),
)
