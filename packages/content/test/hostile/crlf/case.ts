/** CRLF line endings: positions count lines as an editor does. */
export default function input(): string | Uint8Array {
  return '---\r\ntitle: Page\r\n---\r\n\r\n# Page\r\n\r\nText.\r\n\r\n<section>x</section>\r\n'
}
