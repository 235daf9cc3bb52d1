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
]

/** Launch Chromium headless with {@link chromiumArgs} (plus `args`). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...(options.args ?? [])],
  })
}
