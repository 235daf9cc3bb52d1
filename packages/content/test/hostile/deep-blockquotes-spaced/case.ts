/** 10,000 nested block quotes written `> > > …`. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'> '.repeat(10_000)}deep\n`
}
