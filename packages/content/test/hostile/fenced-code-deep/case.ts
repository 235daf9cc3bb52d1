/** Deep `> - ` and dense `*_` inside fenced code are code: accepted, not counted. */
export default function input(): string | Uint8Array {
  return `# Page\n\n\`\`\`md\n${'> - '.repeat(5_000)}x\n${'*a_ '.repeat(5_000)}\n\`\`\`\n\nAfter the code.\n`
}
