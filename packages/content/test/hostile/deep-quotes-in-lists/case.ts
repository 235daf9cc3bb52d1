/** 5,000 list items, each holding a block quote: `- > - > …` (10,000 levels). */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'- > '.repeat(5_000)}deep\n`
}
