/** A "```" inside an HTML block is HTML, not a fence: the 10,000 nested lists after it still count. */
export default function input(): string | Uint8Array {
  return `# Page\n\n<div>\n\`\`\`\n\n${'- '.repeat(10_000)}deep\n`
}
