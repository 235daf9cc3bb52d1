import type { UserConfig } from 'tsdown'

/** What every published package builds with; each package spreads it into its own config. */
export const base = {
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  clean: true,
  sourcemap: false,
  fixedExtension: false,
  hash: false,
  logLevel: 'warn',
  // rolldown warns when the .d.ts bundling takes most of the build; it does, by design.
  inputOptions: { checks: { pluginTimings: false } },
} satisfies UserConfig
