/**
 * The deck beside the site (its `slides.md` and its URL path), set by astro.config.ts;
 * `null` when `GUIDE` names another guide. `src/lib/deck.ts` gives it its type.
 */
declare const __DECK__: { slides: string; base: string } | null
