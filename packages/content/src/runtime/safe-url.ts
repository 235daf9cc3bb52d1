/** URL schemes a guide may link to or load from. */
export const safeProtocols: readonly string[] = ['http', 'https', 'mailto']

// Browsers drop tabs and newlines anywhere in a URL and trim C0 controls and
// spaces around it, so `java\tscript:` and ` javascript:` are `javascript:`.
const strippedAnywhere = /[\t\n\r]/g
// eslint-disable-next-line no-control-regex
const trimmed = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001F\u007F]/
const scheme = /^([a-zA-Z][a-zA-Z\d+.-]*):/

/**
 * Whether `url` is safe to put in an `href` or `src`: `http:`, `https:`,
 * `mailto:`, or relative (`/path`, `page.html`, `#id`, `?q`). Everything else
 * (`javascript:`, `vbscript:`, `data:`, `file:`, …) is not, however it is
 * cased or padded. Decode HTML entities before asking: markdown and HTML
 * parsers do.
 */
export function isSafeUrl(url: string): boolean {
  const normal = url.replace(strippedAnywhere, '').replace(trimmed, '')
  if (control.test(normal)) return false
  const match = scheme.exec(normal)
  if (!match) return true
  return safeProtocols.includes(match[1]!.toLowerCase())
}
