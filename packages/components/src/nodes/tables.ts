/**
 * The built-in components of GFM tables. The table decides which row is the
 * head (cells as `<th>`) and each column's alignment, and tells its rows.
 */
import { h } from 'vue'
import { renderChild, renderChildren } from '../renderer/render.js'
import { node } from './define.js'

/** `table`: the first row in `<thead>`, the others in `<tbody>`. */
export const TableNode = node<'table'>(({ node }) => {
  const [head, ...body] = node.children
  const align = node.align
  return h('table', [
    head ? h('thead', [renderChild(head, { head: true, align })]) : null,
    body.length > 0
      ? h(
          'tbody',
          body.map((row) => renderChild(row, { align })),
        )
      : null,
  ])
})

/** `tableRow`: `<tr>`; its cells are `<th>` in the head row. */
export const TableRowNode = node<'tableRow'>(({ node, head, align }) =>
  h(
    'tr',
    node.children.map((cell, index) => renderChild(cell, { head, align: align?.[index] })),
  ),
)

/** `tableCell`: `<td>`, or `<th>` in the head row, with its column's `align`. */
export const TableCellNode = node<'tableCell'>(({ node, head, align }) =>
  h(head ? 'th' : 'td', { align: align ?? undefined }, renderChildren(node)),
)
