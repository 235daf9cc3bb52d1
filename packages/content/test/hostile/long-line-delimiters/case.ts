/** One 100,000-character line of mismatched emphasis delimiters (`*a_ `), quadratic for the parser. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'*a_ '.repeat(25_000)}\n`
}
