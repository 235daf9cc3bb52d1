import { defineConfig } from 'tsdown'
import Vue from 'unplugin-vue/rolldown'
import { base } from '../../tsdown.base.ts'

export default defineConfig({
  ...base,
  entry: { index: 'src/index.ts' },
  // Browsers, SSR and Slidev all run it: no Node built-ins, no globals.
  platform: 'neutral',
  // One bundled .d.ts that resolves under `nodenext` and `bundler` (CONTRIBUTING.md, "Toolchain").
  dts: { tsc: { vue: true } },
  // Every component's <style> goes to one dist/style.css, exported as `./style.css`.
  css: { fileName: 'style.css', splitting: false },
  deps: { neverBundle: ['vue', /^@ai-engineer\/content(\/|$)/] },
  plugins: [Vue({ isProduction: true })],
})
