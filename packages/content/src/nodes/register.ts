import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import type { Options as ToMarkdownExtension } from 'mdast-util-to-markdown'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import type { Processor } from 'unified'

/** A node's syntax: how micromark reads it, how mdast is made, how it is written back. */
export interface Syntax {
  micromark?: MicromarkExtension
  fromMarkdown?: FromMarkdownExtension
  toMarkdown: ToMarkdownExtension
}

/**
 * Register a node's syntax on a processor, as remark-gfm does: the parser
 * (remark-parse, or ours) reads `micromarkExtensions` and
 * `fromMarkdownExtensions`, remark-stringify reads `toMarkdownExtensions`.
 */
export function registerSyntax(processor: Processor, syntax: Syntax): void {
  const data = processor.data()
  if (syntax.micromark) (data.micromarkExtensions ??= []).push(syntax.micromark)
  if (syntax.fromMarkdown) (data.fromMarkdownExtensions ??= []).push(syntax.fromMarkdown)
  ;(data.toMarkdownExtensions ??= []).push(syntax.toMarkdown)
}

declare module 'unified' {
  interface Data {
    /** Read by remark-stringify; declared here so that it does not need to be installed. */
    toMarkdownExtensions?: ToMarkdownExtension[]
  }
}
