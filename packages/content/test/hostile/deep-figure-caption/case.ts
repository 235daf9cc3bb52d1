/** A figure caption nesting 10,000 `<em>` elements. */
export default function input(): string | Uint8Array {
  return `# Page\n\n<figure><img src="chart.png" alt="A chart"><figcaption>${'<em>'.repeat(10_000)}deep${'</em>'.repeat(10_000)}</figcaption></figure>\n`
}
