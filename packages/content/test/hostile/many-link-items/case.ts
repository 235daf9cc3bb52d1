/** A tight list of 1,050 links (2,100 brackets), no blank line: each item is its own paragraph. */
export default function input(): string | Uint8Array {
  return `# Links\n\n${Array.from({ length: 1_050 }, (_, index) => `- [Link ${index}](https://example.com/${index})`).join('\n')}\n`
}
