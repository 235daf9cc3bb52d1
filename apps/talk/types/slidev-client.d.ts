// The part of @slidev/client that the talk uses. The package ships its TypeScript
// sources, which type-check only inside Slidev's own Vite build (they need its
// compile-time constants), so tsconfig.json maps the import here for vue-tsc.
import type { Ref } from 'vue'

/** The context of the slide a component is on (Slidev's `useSlideContext`). */
export function useSlideContext(): {
  /** The slide's number, 1-based. */
  $page: Ref<number>
}
