/** 5,000 shortcodes in one paragraph. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${':wink: '.repeat(5_000)}\n`
}
