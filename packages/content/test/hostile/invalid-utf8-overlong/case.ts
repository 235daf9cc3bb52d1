import { bytes } from '../../helpers.ts'

/** An overlong encoding of `/` (0xC0 0xAF), a classic filter bypass. */
export default function input(): string | Uint8Array {
  return bytes('# Page\n\n[x](..', [0xc0, 0xaf], 'etc/passwd)\n')
}
