/** One 100,000-character line: 50,000 `[` then 50,000 `]`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'['.repeat(50_000)}${']'.repeat(50_000)}\n`
}
