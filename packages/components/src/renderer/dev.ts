/**
 * Whether this is a development build: `process.env.NODE_ENV` is not
 * `production`. Bundlers replace the expression; where nothing defines
 * `process` (a browser without a bundler) it counts as production.
 */
export function isDev(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

const warned = new Set<string>()

/** Warn about `key` once per page load, and only in development. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key) || !isDev()) return
  warned.add(key)
  console.warn(`[@ai-engineer/components] ${message}`)
}
