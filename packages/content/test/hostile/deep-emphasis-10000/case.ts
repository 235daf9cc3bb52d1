/** Emphasis nested 10,000 deep: `*` × 10,000, a word, `*` × 10,000. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'*'.repeat(10_000)}deep${'*'.repeat(10_000)}\n`
}
