/** Emphasis and strong nested 120 deep (`*a **a *a …`): few enough delimiters to parse, too deep to keep. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'*a **a '.repeat(60)}b${' a** a*'.repeat(60)}\n`
}
