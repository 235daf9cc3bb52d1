import { defineConfig } from 'tsdown'
import { base } from '../../tsdown.base.ts'

export default defineConfig({
  ...base,
  entry: {
    index: 'src/index.ts',
    parse: 'src/parse.ts',
    html: 'src/html.ts',
    markdown: 'src/markdown.ts',
    jsx: 'src/jsx.ts',
    derived: 'src/derived.ts',
    search: 'src/search.ts',
    cli: 'src/cli.ts',
  },
  // The `cli` entry (the `ai-engineer-content` bin) runs on Node.js; the others are platform-neutral.
  deps: { neverBundle: [/^node:/] },
})
