/**
 * The app both sides render: the guide through `toJsx`, with an `emoji`
 * override that holds state (a counter on click) and an effect that marks
 * the page hydrated, so the test can see React took the server's markup over.
 */
import { guide } from '@ai-engineer/content'
import { toJsx, type EmojiProps } from '@ai-engineer/content/jsx'
import { useEffect, useState, type ReactElement } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'

function Emoji({ name, value }: EmojiProps): ReactElement {
  const [clicks, setClicks] = useState(0)
  return jsxs('button', {
    type: 'button',
    'aria-label': name,
    onClick: () => setClicks(clicks + 1),
    children: [value, clicks > 0 ? ` ${clicks}` : null],
  })
}

function Guide(): ReactElement {
  useEffect(() => {
    document.body.dataset.hydrated = 'true'
  }, [])
  return toJsx(guide.pages[0]!.tree, { Fragment, jsx, jsxs, components: { emoji: Emoji } })
}

export function app(): ReactElement {
  return jsx(Guide, {})
}
