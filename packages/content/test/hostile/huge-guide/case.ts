/** A 20 MB guide, over the default `maxBytes` of 16 MiB. */
export default function input(): string | Uint8Array {
  const paragraph = 'An AI engineer ships models to production, and keeps them there. '.repeat(10)
  const page = `# Huge\n\n${`${paragraph}\n\n`.repeat(Math.ceil(20_000_000 / (paragraph.length + 2)))}`
  return new TextEncoder().encode(page)
}
