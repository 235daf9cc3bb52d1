/**
 * An admonition's first line: `!!! kind`, `!!! kind "Title"`, `??? kind`,
 * `???+ kind` (Python-Markdown's and mkdocs-material's syntax), read and
 * written here, and what is wrong with one that is not.
 */
import type { Admonition } from '../../types.js'

/** The parts of a header, or the problem with it and its column (1-based, in the header). */
export type Header =
  | { ok: true; fields: Pick<Admonition, 'kind' | 'title' | 'collapsible' | 'open'> }
  | { ok: false; reason: string; column: number }

const marker = /^(!!!|\?\?\?\+?)/
const kindWord = /^[\p{L}\p{N}_-]+/u
const usage =
  'write `!!! note`, `!!! warning "Custom title"`, `!!! tip ""`, `??? info` or `???+ info`'

/** Read a header line (no line ending). */
export function readHeader(line: string): Header {
  const opened = marker.exec(line)![0]
  let index = opened.length
  const space = (): void => {
    while (line[index] === ' ' || line[index] === '\t') index++
  }
  space()
  const kind = kindWord.exec(line.slice(index))?.[0]
  if (!kind) {
    return {
      ok: false,
      column: index + 1,
      reason: `\`${opened}\` needs a qualifier word (note, tip, warning, … or any other): ${usage}`,
    }
  }
  index += kind.length
  space()
  let title: string | null = null
  const rest = line.slice(index).trimEnd()
  if (rest.startsWith('"')) {
    if (rest.length < 2 || !rest.endsWith('"')) {
      return {
        ok: false,
        column: index + 1,
        reason: `The admonition's title has no closing \`"\`: end it with a \`"\` on the same line (${usage})`,
      }
    }
    title = rest.slice(1, -1)
  } else if (rest !== '') {
    return {
      ok: false,
      column: index + 1,
      reason: `An admonition takes one qualifier word, then a title in double quotes if any: ${usage}`,
    }
  }
  const collapsible = opened !== '!!!'
  return { ok: true, fields: { kind, title, collapsible, open: opened !== '???' } }
}

/** Write a header line for `node`. */
export function writeHeader(node: Admonition): string {
  const opened = node.collapsible ? (node.open ? '???+' : '???') : '!!!'
  return `${opened} ${node.kind}${node.title === null ? '' : ` "${node.title}"`}`
}
