/**
 * The built-in components of lists. Whether a list is tight (items without
 * `<p>`, as mdast-util-to-hast decides) is the list's call: it tells each item.
 */
import type { ListItem } from 'mdast'
import { h } from 'vue'
import { renderChild } from '../renderer/render.js'
import { node } from './define.js'
import { textOf } from './text.js'

/** Whether an item is loose on its own: `spread`, or when unknown more than one child. */
function loose(item: ListItem): boolean {
  return item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread
}

/** `list`: `<ul>` or `<ol start>`; GitHub's `contains-task-list` class when it has task items. */
export const ListNode = node<'list'>(({ node }) => {
  const tight = !(node.spread || node.children.some(loose))
  return h(
    node.ordered ? 'ol' : 'ul',
    {
      start:
        node.ordered && typeof node.start === 'number' && node.start !== 1 ? node.start : undefined,
      // No `class: undefined`: server rendering would write `class=""`.
      ...(node.children.some((item) => typeof item.checked === 'boolean')
        ? { class: 'contains-task-list' }
        : {}),
    },
    node.children.map((item) => renderChild(item, { tight })),
  )
})

/** `listItem`: `<li>`; a task item leads with a disabled checkbox labelled by its text. */
export const ListItemNode = node<'listItem'>(({ node, tight = !loose(node) }) => {
  const task = typeof node.checked === 'boolean'
  return h('li', task ? { class: 'task-list-item' } : null, [
    ...(task
      ? [
          h('input', {
            type: 'checkbox',
            disabled: true,
            checked: node.checked,
            'aria-label': textOf(node),
          }),
          ' ',
        ]
      : []),
    ...node.children.map((child) =>
      child.type === 'paragraph' && tight ? renderChild(child, { bare: true }) : renderChild(child),
    ),
  ])
})
