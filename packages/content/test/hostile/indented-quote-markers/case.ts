/** `>` and `-` indented 6 after a paragraph line are its text, not a quote or a list: one paragraph. */
export default function input(): string | Uint8Array {
  return `# Page\n\npara\n${'      > - *a_ *a_ *a_ *a_\n      >\n'.repeat(300)}`
}
