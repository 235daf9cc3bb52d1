/**
 * The example app of a README section, as its code blocks show it: a block whose first
 * line is a comment naming a file (`// vite.config.js`, `<!-- src/App.vue -->`) is that
 * file, the comment left out, and so is a block whose fence names one (`title="..."`, for
 * formats without comments); `npm install` lines name its dependencies. The Vite app
 * end-to-end test installs what this reads, and a fast test keeps the blocks equal to the
 * app it runs.
 */
import { readFile } from 'node:fs/promises'

export interface ReadmeApp {
  /** File path (relative to the app) → text, as the README shows it. */
  files: Map<string, string>
  dependencies: string[]
  devDependencies: string[]
}

const fileComment = /^(?:\/\/ (\S+)|<!-- (\S+) -->)$/

/** The example app of the section under the heading `## <heading>` of `readme`. */
export async function readmeApp(readme: string, heading: string): Promise<ReadmeApp> {
  const text = await readFile(readme, 'utf8')
  const start = text.indexOf(`\n## ${heading}\n`)
  if (start === -1) throw new Error(`${readme}: no section "## ${heading}"`)
  const end = text.indexOf('\n## ', start + 1)
  const section = text.slice(start, end === -1 ? undefined : end)
  const app: ReadmeApp = { files: new Map(), dependencies: [], devDependencies: [] }
  const blocks = section.matchAll(/^```[a-z]*(?: title="([^"]+)")?\n([\s\S]*?)^```$/gm)
  for (const [, title, body = ''] of blocks) {
    const [first = '', ...rest] = body.split('\n')
    const named = fileComment.exec(first)
    if (title || named) {
      app.files.set(title ?? named?.[1] ?? named?.[2] ?? '', title ? body : rest.join('\n'))
      continue
    }
    for (const line of body.split('\n')) {
      const words = line.trim().split(/\s+/)
      if (words[0] !== 'npm' || words[1] !== 'install') continue
      const dev = words.includes('--save-dev')
      const names = words.slice(2).filter((word) => !word.startsWith('-'))
      ;(dev ? app.devDependencies : app.dependencies).push(...names)
    }
  }
  return app
}
