/** Block quotes exactly 100 deep (the default `maxNesting`): accepted. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'>'.repeat(100)} deep\n`
}
