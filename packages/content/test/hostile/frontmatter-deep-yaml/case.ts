/** A frontmatter value nesting 10,000 YAML flow sequences. */
export default function input(): string | Uint8Array {
  return `---\ntitle: Page\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\n# Page\n`
}
