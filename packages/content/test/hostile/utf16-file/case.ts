/** A UTF-16 (little-endian) file with its byte order mark. */
export default function input(): string | Uint8Array {
  const text = '# Page\n\nText.\n'
  const out = new Uint8Array(2 + text.length * 2)
  out.set([0xff, 0xfe])
  for (let index = 0; index < text.length; index++) out[2 + index * 2] = text.charCodeAt(index)
  return out
}
