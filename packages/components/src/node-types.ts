/**
 * The node types `GuideRenderer` renders itself; any other type renders its
 * children with a warning. `html`, `yaml` and `definition` render nothing on
 * purpose: raw HTML is never injected.
 */
export const builtInTypes: ReadonlySet<string> = new Set([
  'root',
  'paragraph',
  'text',
  'strong',
  'emphasis',
  'delete',
  'inlineCode',
  'code',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'list',
  'listItem',
  'heading',
  'blockquote',
  'thematicBreak',
  'break',
  'table',
  'tableRow',
  'tableCell',
  'footnoteReference',
  'footnoteDefinition',
  'html',
  'yaml',
  'definition',
  'section',
  'figure',
  'emoji',
])
