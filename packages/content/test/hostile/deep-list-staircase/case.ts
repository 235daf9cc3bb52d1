/** Lists nested by indentation, one level deeper per line, 1,000 lines. */
export default function input(): string | Uint8Array {
  const lines = Array.from(
    { length: 1_000 },
    (_, index) => `${' '.repeat(index * 2)}- level ${index + 1}`,
  )
  return `# Page\n\n${lines.join('\n')}\n`
}
