/** Debian's Chromium, driven by playwright-core: no browser download, nothing that phones home. */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'

/** Debian's Chromium, or the one named by CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Headless as root, and no background traffic (CONTRIBUTING.md, "Toolchain"). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // `*.localhost` names are loopback (RFC 6761); pin them to the IPv4 address our servers
  // bind, so a second host name for the same server never tries ::1 first.
  '--host-resolver-rules=MAP *.localhost 127.0.0.1',
]

/** Launch Chromium headless with {@link chromiumArgs} (plus `args`). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...(options.args ?? [])],
  })
}

/**
 * The same server under another host name, `audience.localhost`: a view that Slidev does
 * not trust to drive the shared navigation state (it trusts only `localhost` and
 * `127.0.0.1`), as a phone or a projector on another machine at a venue. Such a view
 * follows the presenter and never sends its own place. Vite serves `*.localhost` names
 * by default.
 */
export function audienceOrigin(origin: string): string {
  const url = new URL(origin)
  url.hostname = 'audience.localhost'
  return url.origin
}
