/** 1,100 reference definitions (their brackets are no delimiters), one of them unsafe. */
export default function input(): string | Uint8Array {
  const lines = Array.from(
    { length: 1_100 },
    (_, index) =>
      `[d${index}]: ${index === 1_023 ? 'javascript:alert(1)' : `https://example.com/${index}`}`,
  )
  return `# Page\n\nSee [one][d1] and [another][d1023].\n\n${lines.join('\n')}\n`
}
