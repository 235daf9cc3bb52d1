import { bytes } from '../../helpers.ts'

/** U+FFFD written in the file (valid UTF-8): accepted as text. */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\nA replacement character: ', [0xef, 0xbf, 0xbd], '.\n')
}
