import { bytes } from '../../helpers.ts'

/** A UTF-16 surrogate encoded in UTF-8 (0xED 0xA0 0x80). */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\nText ', [0xed, 0xa0, 0x80], '\n')
}
