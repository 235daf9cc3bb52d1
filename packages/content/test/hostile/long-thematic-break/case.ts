/** A 20,000-character thematic break (`* * * …`): delimiters that are not emphasis. */
export default function input(): string | Uint8Array {
  return `# Page\n\nOne.\n\n${'* '.repeat(10_000)}\n\nTwo.\n`
}
