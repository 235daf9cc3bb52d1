// Preloaded with `node --import` where GNU time is missing: when the process exits, append
// its peak resident set size (KiB, every thread counted) to $BENCH_RSS_FILE, one line.
import { appendFileSync } from 'node:fs'

const file = process.env.BENCH_RSS_FILE
if (file) process.once('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`))
