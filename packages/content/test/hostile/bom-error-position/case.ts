import { bytes } from '../../helpers.ts'

/** A byte order mark does not shift columns: the error is at 1:1. */
export default function input(): string | Uint8Array {
  return bytes([0xef, 0xbb, 0xbf], '<section>Not markdown</section>\n\n# Page\n')
}
