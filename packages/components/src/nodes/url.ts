import { isSafeUrl } from '@ai-engineer/content'

/** `url` if its scheme is allowed (http, https, mailto or relative), else `undefined`: no attribute. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return typeof url === 'string' && isSafeUrl(url) ? url : undefined
}

/** Whether a (safe) URL leaves the site: absolute http(s) or protocol-relative. */
export function isExternal(url: string | undefined): boolean {
  return url !== undefined && /^\s*(?:https?:)?\/\//i.test(url)
}

/** `rel` for a link to `url`: `noopener noreferrer` when it is external. */
export function relFor(url: string | undefined): string | undefined {
  return isExternal(url) ? 'noopener noreferrer' : undefined
}
