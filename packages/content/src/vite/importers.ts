/**
 * What a module imports from the guide's module, read from its source: whether it uses
 * only the index's names (`guideIndex`, `loadPage`, the id lists). In dev, Vite does not
 * drop unused exports, so the plugin serves such a module an index that does not import
 * the whole guide. Any doubt keeps the whole module: a namespace or default import, an
 * `export *`, a dynamic `import()`, a name that is not the index's, or no import found.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Whether the value names of an import or export clause (`{ loadPage, pageIds as ids }`)
 * are all in `names`; `undefined` for a clause that TypeScript erases (`type { … }`).
 */
function clauseUses(clause: string, names: ReadonlySet<string>): boolean | undefined {
  const text = clause.trim()
  if (/^type\s*\{/.test(text)) return undefined
  const braces = /^\{([^}]*)\}$/.exec(text)
  if (!braces) return false
  const values = braces[1]!
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^type\s/.test(part))
    .map((part) => part.split(/\s+as\s+/)[0]!.trim())
  return values.every((name) => names.has(name))
}

/**
 * Whether `source` (a module's text: JavaScript, TypeScript or a Vue SFC) imports from
 * `specifier` only names in `names`, in at least one import or export statement.
 */
export function importsOnly(source: string, specifier: string, names: Iterable<string>): boolean {
  // The specifier in quotes, its quote captured as group `group` and matched again.
  const quoted = (group: number): string => `(['"])${escape(specifier)}\\${group}`
  if (new RegExp(String.raw`\bimport\s*\(\s*${quoted(1)}`).test(source)) return false
  // `type`, a default name, then braces, `* as name`, `*` or a name: the clause's shapes.
  const clause = String.raw`((?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+))`
  const statements = new RegExp(
    String.raw`\b(?:import|export)\s*${clause}\s*from\s*${quoted(2)}`,
    'g',
  )
  const known = new Set(names)
  let found = false
  for (const match of source.matchAll(statements)) {
    const uses = clauseUses(match[1]!, known)
    if (uses === false) return false
    if (uses) found = true
  }
  return found
}
