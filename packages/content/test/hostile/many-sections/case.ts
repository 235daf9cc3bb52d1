/** 500 sections with the same heading: ids stay unique. */
export default function input(): string | Uint8Array {
  return `# Page\n\n${'## Same\n\nText.\n\n<hr>\n\n'.repeat(500)}`
}
