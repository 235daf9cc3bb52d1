/**
 * The QR code to where the deck is published, made at build time from `TALK_URL`.
 *
 * `virtual:talk-qr` is `null` without `TALK_URL` (no QR code, no empty box), or the URL,
 * its short form for the slide, and the code as one SVG path (drawn by `TalkQr.vue`).
 * Nothing is fetched: `uqr` encodes locally. A `TALK_URL` that is not an `https:` URL
 * (or `http://127.0.0.1…`, for tests) stops the build with one line naming the variable.
 */
import { encode } from 'uqr'
import type { Plugin } from 'vite'

export interface TalkQr {
  /** The deck's address, as given in `TALK_URL`. */
  url: string
  /** The address as it reads on a slide: no scheme, no trailing slash. */
  short: string
  /** Modules a side, quiet zone included: the SVG's view box is `0 0 size size`. */
  size: number
  /** Every dark module as one path. */
  path: string
}

/** `TALK_URL`, checked: undefined when unset or empty; throws a one-line error when bad. */
export function talkUrl(value: string | undefined): URL | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const problem = `TALK_URL must be an https: URL (or http://127.0.0.1… for tests), got ${JSON.stringify(value)}`
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    throw new Error(problem)
  }
  const local = url.protocol === 'http:' && url.hostname === '127.0.0.1'
  if (url.protocol !== 'https:' && !local) throw new Error(problem)
  return url
}

/** The QR code of `url` (error correction M, a 2-module quiet zone) as an SVG path. */
export function talkQr(url: URL): TalkQr {
  const text = url.href
  const { data, size } = encode(text, { ecc: 'M', border: 2 })
  const runs: string[] = []
  data.forEach((row, y) => {
    let x = 0
    while (x < size) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (x < size && row[x]) x++
      runs.push(`M${start} ${y}h${x - start}v1h${start - x}z`)
    }
  })
  return {
    url: text,
    short: text.replace(/^https?:\/\//, '').replace(/\/$/, ''),
    size,
    path: runs.join(''),
  }
}

const id = 'virtual:talk-qr'

/** Serves `virtual:talk-qr`; a bad `TALK_URL` ends the process before anything is built. */
export function talkQrPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  let qr: TalkQr | null = null
  return {
    name: '@ai-engineer/talk:qr',
    config() {
      try {
        const url = talkUrl(env.TALK_URL)
        qr = url ? talkQr(url) : null
      } catch (error) {
        // One line, no stack: the variable is the user's to fix.
        console.error((error as Error).message)
        process.exit(1)
      }
    },
    resolveId(source) {
      return source === id ? `\0${id}` : undefined
    },
    load(resolved) {
      return resolved === `\0${id}` ? `export default ${JSON.stringify(qr)}` : undefined
    },
  }
}
