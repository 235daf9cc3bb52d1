/** 10,000 nested block quotes on one line: `>>>>…`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'>'.repeat(10_000)} deep\n`
}
