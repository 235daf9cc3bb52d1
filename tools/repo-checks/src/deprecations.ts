/**
 * Deprecation notices in task logs: Node's `DeprecationWarning`s, a tool saying that
 * something "is deprecated" or that a setting "will become fatal", turbo's "too short"
 * signing key. A clean log is the promise that the toolchain is current.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'

/** What a deprecation notice says, whoever prints it. */
const notice =
  /\bDeprecationWarning\b|\[DEP\d{4}\]|\bis deprecated\b|\bare deprecated\b|\bdeprecated[:,]|\bwill be removed in\b|\bwill become fatal\b|\btoo short\b/i

/** One line of a log that announces a deprecation. */
export interface Deprecation {
  /** The log's path, relative to the folder that was searched. */
  file: string
  /** 1-based. */
  line: number
  text: string
}

/** Remove terminal colours and cursor codes, so that patterns see the words. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
}

/** The lines of `log` that announce a deprecation. */
export function findDeprecations(log: string, file = '<log>'): Deprecation[] {
  const found: Deprecation[] = []
  plain(log)
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (notice.test(text)) found.push({ file, line: index + 1, text: text.trim() })
    })
  return found
}

/**
 * Every log turbo kept of a task run in the workspace at `root`
 * (`<package>/.turbo/turbo-<task>.log`), package folders found one and two levels down.
 */
export async function turboLogs(root: string): Promise<string[]> {
  const logs: string[] = []
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '.git') continue
      const path = join(dir, entry.name)
      if (entry.name === '.turbo') {
        const files = await readdir(path)
        for (const name of files.sort()) {
          if (/^turbo-.+\.log$/.test(name)) logs.push(join(path, name))
        }
      } else if (depth > 0) await visit(path, depth - 1)
    }
  }
  await visit(root, 2)
  return logs.sort()
}

/** The deprecation notices in every turbo task log under `root`. */
export async function deprecationsInLogs(root: string): Promise<Deprecation[]> {
  const found: Deprecation[] = []
  for (const log of await turboLogs(root)) {
    found.push(...findDeprecations(await readFile(log, 'utf8'), relative(root, log)))
  }
  return found
}
