import { bytes } from '../../helpers.ts'

/** The file ends in the middle of a character (0xE2 0x82 of `€`). */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\nCosts 5', [0xe2, 0x82])
}
