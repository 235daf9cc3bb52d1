/** A figure caption nesting 20 `<em>` elements: few tags, still deeper than a figure needs. */
export default function input(): string | Uint8Array {
  return `# Page\n\n<figure><img src="chart.png" alt="A chart"><figcaption>${'<em>'.repeat(20)}deep${'</em>'.repeat(20)}</figcaption></figure>\n`
}
