/**
 * What the dev-server benchmarks share: where the talk and its Slidev live, a `slidev`
 * dev server on a free 127.0.0.1 port (tracked, stopped by PID), and an in-page probe
 * that timestamps the frame in which a text is shown.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort, waitForUrl } from '@ai-engineer/test-utils'
import { cleanEnv, startServer, type RunningProcess } from './processes.ts'

const require = createRequire(import.meta.url)

/** `apps/talk`, as this package's dependency on it resolves. */
export const talkDir = dirname(require.resolve('@ai-engineer/talk/package.json'))

/**
 * The `slidev` bin of the deck at `dir`, as its `pnpm dev` runs it: through the deck's own
 * `node_modules` link. Not the real path in pnpm's store: Slidev takes a bin under
 * `.pnpm/` (or under another folder's `node_modules`) for a global install and then
 * keeps Vite's cache in its own folder, shared by every deck.
 */
export function slidevBin(dir: string): string {
  const bin = join(dir, 'node_modules/@slidev/cli/bin/slidev.mjs')
  if (!existsSync(bin)) throw new Error(`No Slidev at ${bin}: run \`pnpm install\``)
  return bin
}

/** A running `slidev` dev server. */
export interface DevServer {
  /** `http://127.0.0.1:PORT` */
  origin: string
  process: RunningProcess
  /** `Date.now()` right before the spawn. */
  spawnedAt: number
  /** `Date.now()` when the server first answered `/` (polled every 50 ms). */
  answeredAt: number
}

/**
 * `slidev [entry] --bind 127.0.0.1 --port <free>` in `cwd`, the way `pnpm dev` starts the
 * talk (without pnpm's own start-up); resolves once `/` answers. Rejects if the server
 * exits first or does not answer within `timeoutMs`, and stops it then.
 */
export async function startSlidevDev(options: {
  cwd: string
  bin: string
  entry?: string
  timeoutMs?: number
}): Promise<DevServer> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const args = [options.bin, ...(options.entry ? [options.entry] : [])]
  const spawnedAt = Date.now()
  const child = startServer(
    process.execPath,
    [...args, '--bind', '127.0.0.1', '--port', String(port)],
    { cwd: options.cwd, env: cleanEnv({ NO_COLOR: '1' }, { measured: true }) },
  )
  try {
    await waitForUrl(`${origin}/`, {
      process: child,
      timeoutMs: options.timeoutMs ?? 180_000,
      intervalMs: 50,
    })
    return { origin, process: child, spawnedAt, answeredAt: Date.now() }
  } catch (error) {
    await child.stop()
    throw error
  }
}

/**
 * A script for `page.evaluate` that sets `window.__benchPaint = { mark, painted }`: `mark`
 * is `performance.now()` as it returns (call it right before the edit), `painted` the `performance.now()` of the frame
 * after `text` is first visible inside an element matching `selector` (a
 * MutationObserver, and a check every animation frame in case a style changes without a
 * mutation). Visible: the innermost element holding the whole text has a box, and
 * neither it nor an ancestor is hidden by `display`, `visibility`, `opacity: 0` or
 * Slidev's `slidev-vclick-hidden`. A string, not a function: tsx's transform would wrap
 * named functions in a helper that does not exist in the page. Throws if the text is
 * visible already.
 */
export function paintProbe(selector: string, text: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)}
    const text = ${JSON.stringify(text)}
    const state = { mark: 0, painted: undefined }
    const visible = (element) => {
      for (let node = element; node; node = node.parentElement) {
        if (node.classList.contains('slidev-vclick-hidden')) return false
        const style = getComputedStyle(node)
        if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false
      }
      const box = element.getBoundingClientRect()
      return box.width > 0 && box.height > 0
    }
    const shown = () => {
      for (const root of document.querySelectorAll(selector)) {
        if (!root.textContent.includes(text)) continue
        let holder = root
        for (;;) {
          const inner = [...holder.children].find((child) => child.textContent.includes(text))
          if (!inner) break
          holder = inner
        }
        if (visible(holder)) return true
      }
      return false
    }
    if (shown()) throw new Error('already shown before the edit: ' + text)
    window.__benchPaint = state
    let found = false
    const check = () => {
      if (found || !shown()) return
      found = true
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => { state.painted = performance.now() }))
    }
    const observer = new MutationObserver(check)
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
    const everyFrame = () => { check(); if (!found) requestAnimationFrame(everyFrame) }
    requestAnimationFrame(everyFrame)
    state.mark = performance.now()
  })()`
}
