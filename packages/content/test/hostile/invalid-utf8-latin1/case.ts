import { bytes } from '../../helpers.ts'

/** A Latin-1 file: `é` as the single byte 0xE9. */
export default function input(): string | Uint8Array {
  return bytes('# Caf', [0xe9], '\n\nText.\n')
}
