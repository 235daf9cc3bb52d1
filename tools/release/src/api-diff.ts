/**
 * What a change to an API report needs: each changed line of the report, classified.
 *
 * The heuristic (the report is declarations, one member or signature a line):
 * - a line removed, or changed (removed, then added in another form), is **breaking**: an
 *   export, field, parameter or type that importers may rely on is gone or different;
 * - a required field (`name: T`, no `?`) added to an input type is **breaking**: an input
 *   type is one whose name ends in `Options`, `Input` or `Config`, or that appears in the
 *   parameter list of a function or method of the same entry point;
 * - any other added line is a **minor** change (an addition);
 * - a line that only moved within its declaration, or changed only in white space, is a
 *   **patch**;
 * - comments, imports, blank lines, code fences, lone brackets and the report's prose need
 *   nothing: they follow from the lines above (a doc comment never reaches the report);
 *   outside the code, an entry point's heading and a listed path are API lines like the rest.
 */
import path from 'node:path'
import { diffArrays } from 'diff'

/** Where a package's report lives, relative to the package's folder. */
export function reportPath(packageDir: string): string {
  return path.join('api', `${path.basename(packageDir)}.api.md`)
}

export type Level = 'breaking' | 'minor' | 'patch'
export type Bump = 'major' | 'minor' | 'patch'

export interface LineChange {
  kind: 'removed' | 'added' | 'moved'
  /** 1-based line number: in the base report for a removed line, in the new one otherwise. */
  line: number
  text: string
  /** The entry point's heading (`@ai-engineer/content/parse`, `Other exports`). */
  section: string
  level: Level
  reason: string
}

const bumpOrder: Record<Bump | 'none', number> = { none: 0, patch: 1, minor: 2, major: 3 }

/** The larger of two bumps. */
export function maxBump<T extends Bump | 'none'>(a: T, b: T): T {
  return bumpOrder[a] >= bumpOrder[b] ? a : b
}

/** Whether `given` is at least `needed`. */
export function covers(given: Bump | 'none', needed: Bump | 'none'): boolean {
  return bumpOrder[given] >= bumpOrder[needed]
}

/** The bump a level needs at `version`: breaking is major, or minor while 0.x (semver §4). */
export function bumpFor(level: Level, version: string): Bump {
  if (level === 'breaking') return /^0\./.test(version) ? 'minor' : 'major'
  return level
}

interface Located {
  text: string
  line: number
  section: string
  declaration: string
  /** Inside a code fence: a declaration line. */
  code: boolean
}

/** Each line with its entry point section and the declaration it belongs to. */
function locate(report: string): Located[] {
  let section = ''
  let declaration = ''
  let code = false
  return report.split('\n').map((text, index) => {
    if (text.startsWith('```')) code = !code
    else if (text.startsWith('## ')) {
      section = text.slice(3).replace(/`/g, '')
      declaration = ''
    } else if (/^(export|declare) /.test(text)) declaration = text
    return { text, line: index + 1, section, declaration, code }
  })
}

function isTrivia({ text, code }: Located): boolean {
  const trimmed = text.trim()
  // Outside code, only entry point headings and listed paths are API; the rest is prose.
  if (!code && !/^(## |- `)/.test(trimmed)) return true
  return (
    trimmed === '' ||
    trimmed.startsWith('//') ||
    trimmed.startsWith('```') ||
    trimmed.startsWith('>') ||
    /^#\s/.test(trimmed) ||
    /^import\s/.test(trimmed) ||
    /^[{}()[\];,]+$/.test(trimmed)
  )
}

/** The name a declaration line declares: `Foo` in `export interface Foo<T> extends …`. */
function declaredName(declaration: string): string | undefined {
  return /^(?:export )?(?:declare )?(?:interface|type|class|const|function|enum|namespace) ([\w$]+)/.exec(
    declaration,
  )?.[1]
}

/** Names used in the parameter lists of a section's functions and methods. */
function parameterTypeNames(lines: Located[]): Set<string> {
  const names = new Set<string>()
  for (const { text } of lines) {
    if (!text.includes('(')) continue
    const params = /\(([^)]*)\)\s*:/.exec(text)?.[1]
    if (!params) continue
    for (const word of params.match(/[A-Z][\w$]*/g) ?? []) names.add(word)
  }
  return names
}

const requiredMember = /^\s+(?:readonly\s+)?(?:[\w$]+|'[^']*'|"[^"]*")\s*:/

/** Every changed line between two reports, classified by the heuristic above. */
export function classifyReportChange(before: string, after: string): LineChange[] {
  const oldLines = locate(before)
  const newLines = locate(after)
  const changes: LineChange[] = []
  const removed: Located[] = []
  const added: Located[] = []
  let oldIndex = 0
  let newIndex = 0
  const compare = (a: Located, b: Located) => a.text === b.text && a.section === b.section
  for (const part of diffArrays(oldLines, newLines, { comparator: compare })) {
    const count = part.count ?? part.value.length
    if (part.removed) {
      removed.push(...oldLines.slice(oldIndex, oldIndex + count))
      oldIndex += count
    } else if (part.added) {
      added.push(...newLines.slice(newIndex, newIndex + count))
      newIndex += count
    } else {
      oldIndex += count
      newIndex += count
    }
  }
  const key = (l: Located) => `${l.section}\0${l.declaration.trim()}\0${l.text.trim()}`
  const addedKeys = new Map<string, Located[]>()
  for (const line of added) addedKeys.set(key(line), [...(addedKeys.get(key(line)) ?? []), line])
  const movedAdded = new Set<Located>()

  for (const line of removed) {
    if (isTrivia(line)) continue
    const twin = addedKeys.get(key(line))?.find((candidate) => !movedAdded.has(candidate))
    if (twin) {
      movedAdded.add(twin)
      changes.push({
        kind: 'moved',
        line: twin.line,
        text: twin.text.trim(),
        section: twin.section,
        level: 'patch',
        reason: 'moved, or changed only in white space',
      })
      continue
    }
    changes.push({
      kind: 'removed',
      line: line.line,
      text: line.text.trim(),
      section: line.section,
      level: 'breaking',
      reason: 'removed or changed: importers may rely on it',
    })
  }
  const inputs = new Map<string, Set<string>>()
  for (const line of added) {
    if (isTrivia(line) || movedAdded.has(line)) continue
    if (!inputs.has(line.section)) {
      inputs.set(
        line.section,
        parameterTypeNames(newLines.filter((l) => l.section === line.section)),
      )
    }
    const name = declaredName(line.declaration)
    const inputType =
      name !== undefined &&
      (/(Options|Input|Config)$/.test(name) || (inputs.get(line.section)?.has(name) ?? false))
    const required = requiredMember.test(line.text) && line.declaration !== line.text
    changes.push(
      inputType && required
        ? {
            kind: 'added',
            line: line.line,
            text: line.text.trim(),
            section: line.section,
            level: 'breaking',
            reason: `required field added to the input type ${name}`,
          }
        : {
            kind: 'added',
            line: line.line,
            text: line.text.trim(),
            section: line.section,
            level: 'minor',
            reason: 'added',
          },
    )
  }
  // Removed lines first (numbered in the base report), then the others (in the new one).
  const rank = (change: LineChange) => (change.kind === 'removed' ? 0 : 1)
  return changes.sort((a, b) => rank(a) - rank(b) || a.line - b.line)
}

/** The largest level among changes, or undefined when none needs a release. */
export function highestLevel(changes: readonly LineChange[]): Level | undefined {
  const order: Level[] = ['breaking', 'minor', 'patch']
  return order.find((level) => changes.some((change) => change.level === level))
}
