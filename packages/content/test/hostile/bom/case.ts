import { bytes } from '../../helpers.ts'

/** A UTF-8 byte order mark before the frontmatter: dropped, the frontmatter still read. */
export default function input(): string | Uint8Array {
  return bytes([0xef, 0xbb, 0xbf], '---\ntitle: With a BOM\n---\n\n# With a BOM\n\nText.\n')
}
