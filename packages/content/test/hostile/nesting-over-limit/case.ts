/** Block quotes 101 deep, one over the default `maxNesting`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'>'.repeat(101)} deep\n`
}
