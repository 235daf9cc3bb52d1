/** CRLF inside a figure block: the bad attribute is reported on its own line. */
export default function input(): string | Uint8Array {
  return '# Page\r\n\r\n<figure>\r\n  <img src="chart.png" alt="A chart" onmouseover="alert(1)">\r\n</figure>\r\n'
}
