/** A paragraph whose lines look like definitions but are its text, with emphasis in the labels. */
export default function input(): string | Uint8Array {
  return `# Page\n\nA paragraph.\n${'[*a_ *a_ *a_]: x\n'.repeat(1_000)}`
}
