import { bytes } from '../../helpers.ts'

/** A byte that is never UTF-8 (0xFF) on line 3. */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\nCaf', [0xff], ' au lait.\n')
}
