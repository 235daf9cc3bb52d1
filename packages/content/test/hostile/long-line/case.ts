/** One 100,000-character line of prose, with code spans and a few links and emphasis. */
export default function input(): string | Uint8Array {
  const words = ['an', 'engineer', '`code_name`', 'ships', 'models', 'to', 'production', 'daily']
  let line = ''
  for (let index = 0; line.length < 100_000; index++) {
    line +=
      index % 400 === 0
        ? '*models* and [docs](https://example.com/docs) '
        : `${words[index % words.length]} `
  }
  return `# Page\n\n${line.slice(0, 100_000)}\n`
}
