import { bytes } from '../../helpers.ts'

/** A NUL byte in the middle of line 3. */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\nBefore', [0x00], 'after.\n')
}
