/** Old Mac line endings (CR only). */
export default function input(): string | Uint8Array {
  return '# Page\r\rText.\r\r<span>x</span>\r'
}
