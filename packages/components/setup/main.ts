/**
 * Slidev addon entry: `addons: ['@ai-engineer/components']` in a deck's
 * headmatter registers every component and loads the stylesheet.
 * A plain function, so that the addon needs no `@slidev/types`.
 */
import type { App } from 'vue'
import { AiEngineerComponents } from '../dist/index.js'
import '../dist/style.css'

export default function setupMain({ app }: { app: App }): void {
  app.use(AiEngineerComponents)
}
