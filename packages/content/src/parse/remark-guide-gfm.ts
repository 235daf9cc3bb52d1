/**
 * `remarkGuideGfm`: GFM, as remark-gfm adds it (autolink literals, footnotes,
 * strikethrough, tables, task lists), with its autolink literals kept out of the work of
 * a page that cannot hold one.
 *
 * Literal autolinks (`www.example.com`, `https://example.com`, `me@example.com` in plain
 * text) cost about a third of a page's parse: their syntax is tried at every letter and digit
 * of the text, and their tree pass walks every node (both measured on generated pages).
 * Each one starts `http://`, `https://` or `www.` (in any case), or holds `@`, so:
 *
 * - the parser ({@link parseSparingLiterals}) leaves them out (their syntax and their
 *   tree pass) of a page whose text outside links has none of these (a link's URL is
 *   not text: most pages are parsed once, without them, and come out the same);
 * - the tree pass runs only on a tree with such a text node.
 */
import type { Root } from 'mdast'
import type { Extension as FromMarkdownExtension, Transform } from 'mdast-util-from-markdown'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import type { Extension as MicromarkExtension } from 'micromark-util-types'
import type { Processor } from 'unified'
import { someText } from '../runtime/index.js'

/** GFM's literal autolinks: their syntax and their tree (its handlers and its pass). */
export interface LiteralAutolinks {
  syntax: MicromarkExtension
  tree: FromMarkdownExtension
}

declare module 'unified' {
  interface Data {
    /** GFM's literal autolinks, which the parser leaves out of a page where it can. */
    guideLiteralAutolinks?: LiteralAutolinks | undefined
  }
}

/** What a literal autolink needs in the text: every one has one of these. */
const mayHoldLiteral = /@|https?:\/\/|www\./i
/**
 * Where no literal is made: the text of links (in micromark, a literal does not start in
 * a link's text, nor in an image's; the tree pass leaves links alone).
 */
const noLiterals = ['link', 'linkReference']

/** Whether a text node of `tree` may hold a literal autolink. */
function mayHoldLiterals(tree: Root): boolean {
  return someText(tree, mayHoldLiteral, noLiterals)
}

/** Add GFM to the processor: its syntax, its tree, and its markdown out. */
export default function remarkGuideGfm(this: Processor): void {
  const data = this.data()
  const literals: LiteralAutolinks = {
    syntax: gfmAutolinkLiteral(),
    tree: guardLiterals(gfmAutolinkLiteralFromMarkdown()),
  }
  // remark-gfm's extensions, each on its own, in its order.
  ;(data.micromarkExtensions ??= []).push(
    literals.syntax,
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  )
  ;(data.fromMarkdownExtensions ??= []).push(
    literals.tree,
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  )
  ;(data.toMarkdownExtensions ??= []).push(gfmToMarkdown())
  data.guideLiteralAutolinks = literals
}

/** `extension`, whose pass skips a tree with no text that may hold a literal. */
function guardLiterals(extension: FromMarkdownExtension): FromMarkdownExtension {
  return {
    ...extension,
    transforms: (extension.transforms ?? []).map(
      (transform): Transform =>
        (tree: Root) =>
          mayHoldLiterals(tree) ? transform(tree) : undefined,
    ),
  }
}

/** The syntax and tree extensions of a parse. */
export interface ParseExtensions {
  syntax: readonly MicromarkExtension[]
  trees: readonly FromMarkdownExtension[]
}

/**
 * Parse `document` with `parse` and `extensions`, leaving `literals` (GFM's literal
 * autolinks) out where the tree is the same without them: when the document has nothing
 * a literal needs, or when, parsed without them, none of its text outside links has (then
 * each `@`, `www.` or `http://` it holds is in a link, a URL, code, HTML or an image's alt,
 * where no literal is made). A page whose text may hold one is parsed again, with them.
 */
export function parseSparingLiterals(
  document: string,
  extensions: ParseExtensions,
  literals: LiteralAutolinks | undefined,
  parse: (document: string, extensions: ParseExtensions) => Root,
): Root {
  if (
    literals === undefined ||
    !extensions.syntax.includes(literals.syntax) ||
    !extensions.trees.includes(literals.tree)
  ) {
    return parse(document, extensions)
  }
  const syntax = extensions.syntax.filter((extension) => extension !== literals.syntax)
  // Their syntax needs what it makes a link of in the document; their tree pass may still
  // find it in text that a character reference wrote (`www&#46;example.com`).
  if (!mayHoldLiteral.test(document)) return parse(document, { ...extensions, syntax })
  const trees = extensions.trees.filter((extension) => extension !== literals.tree)
  const tree = parse(document, { syntax, trees })
  return mayHoldLiterals(tree) ? parse(document, extensions) : tree
}
