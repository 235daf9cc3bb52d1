/**
 * The built-in component of every node type a guide tree may hold. Checked
 * against {@link GuideComponentMap}, whose keys come from mdast's
 * `RootContentMap`: a node type registered on mdast without a component here
 * is a type error. `components` overrides merge over this map, and the
 * renderer knows exactly the types it lists.
 */
import GuideAdmonition from '../nodes/GuideAdmonition.vue'
import GuideEmoji from '../nodes/GuideEmoji.vue'
import GuideFigure from '../nodes/GuideFigure.vue'
import GuideSection from '../nodes/GuideSection.vue'
import {
  BlockquoteNode,
  CodeNode,
  FootnoteDefinitionNode,
  HeadingNode,
  HtmlNode,
  YamlNode,
  DefinitionNode,
  ParagraphNode,
  RootNode,
  ThematicBreakNode,
} from '../nodes/blocks.js'
import { ListItemNode, ListNode } from '../nodes/lists.js'
import {
  BreakNode,
  DeleteNode,
  EmphasisNode,
  FootnoteReferenceNode,
  ImageNode,
  ImageReferenceNode,
  InlineCodeNode,
  LinkNode,
  LinkReferenceNode,
  StrongNode,
  TextNode,
} from '../nodes/phrasing.js'
import { TableCellNode, TableNode, TableRowNode } from '../nodes/tables.js'
import type { GuideComponentMap } from './types.js'

/** Node type → the component that renders it unless `components` overrides it. */
export const defaultComponents = {
  root: RootNode,
  // mdast blocks
  paragraph: ParagraphNode,
  heading: HeadingNode,
  blockquote: BlockquoteNode,
  thematicBreak: ThematicBreakNode,
  code: CodeNode,
  list: ListNode,
  listItem: ListItemNode,
  // mdast phrasing
  text: TextNode,
  strong: StrongNode,
  emphasis: EmphasisNode,
  inlineCode: InlineCodeNode,
  break: BreakNode,
  link: LinkNode,
  image: ImageNode,
  linkReference: LinkReferenceNode,
  imageReference: ImageReferenceNode,
  // GFM
  delete: DeleteNode,
  table: TableNode,
  tableRow: TableRowNode,
  tableCell: TableCellNode,
  footnoteReference: FootnoteReferenceNode,
  footnoteDefinition: FootnoteDefinitionNode,
  // rendered as nothing: raw HTML is never injected, metadata is not content
  html: HtmlNode,
  yaml: YamlNode,
  definition: DefinitionNode,
  // ours
  section: GuideSection,
  figure: GuideFigure,
  emoji: GuideEmoji,
  admonition: GuideAdmonition,
} as const satisfies GuideComponentMap
