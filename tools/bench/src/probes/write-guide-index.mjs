// The guides benchmark: write the `guideIndex` of a built guide's `index.js` (argv[2], a file
// URL) to a JSON file (argv[3]), once, for the floor of the import row.
import { writeFileSync } from 'node:fs'

const { guideIndex } = await import(process.argv[2])
writeFileSync(process.argv[3], JSON.stringify(guideIndex))
