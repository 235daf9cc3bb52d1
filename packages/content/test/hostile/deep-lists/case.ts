/** 10,000 nested list items on one line: `- - - …`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'- '.repeat(10_000)}deep\n`
}
