/** Columns count UTF-16 code units, as JavaScript strings and vfile do: `😀` is two. */
export default function input(): string | Uint8Array {
  return '# Page\n\n😀 <span>bold</span>\n'
}
