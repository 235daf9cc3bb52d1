/** 10,000 nested ordered list items on one line: `1. 1. 1. …`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'1. '.repeat(10_000)}deep\n`
}
