// What every import probe shares: walk the trees it got, and print one JSON line.

/** Count every node of `trees`, visiting each one, so nothing stays lazily unread. */
export function countNodes(trees) {
  let count = 0
  const stack = [...trees]
  while (stack.length > 0) {
    const node = stack.pop()
    count++
    if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return count
}

/** The probe's result, as the last line of stdout. */
export function report(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

/** CPU time of this whole process so far (start-up included), user + system, in ms. */
export function cpuMs() {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
