/**
 * Turn a guide file's bytes into text. Guides are UTF-8; anything else is an
 * error at the line and column of the first byte that is not, never a
 * silent U+FFFD.
 */
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { report } from '../report/index.js'

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/**
 * Decode `bytes` as UTF-8 (a leading byte order mark is dropped). On invalid
 * UTF-8, records an error on `file` at the first bad byte and throws it.
 */
export function decodeUtf8(bytes: Uint8Array, file: VFile): string {
  try {
    return strict.decode(bytes)
  } catch {
    const utf16 =
      bytes.length >= 2 &&
      ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    const at = utf16 ? 0 : firstInvalid(bytes)
    // The bytes before `at` are valid: decode them to count lines and columns as the parser does.
    const before = lenient.decode(bytes.subarray(0, at))
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    throw report(
      file,
      utf16
        ? 'The file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8'
        : `Invalid UTF-8: byte 0x${byte} at offset ${at} does not start or continue a character; save the file as UTF-8`,
      location(before).toPoint(before.length),
      'encoding',
    )
  }
}

/** The offset of the first byte of `bytes` that is not part of valid UTF-8. */
function firstInvalid(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index++
      continue
    }
    // How many continuation bytes follow, and the range of the first (no overlongs, no surrogates).
    if (lead < 0xc2 || lead > 0xf4) return index
    const size = lead <= 0xdf ? 1 : lead <= 0xef ? 2 : 3
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
    for (let next = 1; next <= size; next++) {
      const byte = bytes[index + next]
      if (byte === undefined) return index
      if (next === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return index
    }
    index += size + 1
  }
  return index
}
