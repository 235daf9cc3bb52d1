/**
 * The parser's default limits, in a module of their own, so the CLI can print them
 * without loading the parser.
 */

/** The default of `maxBytes`: 16 MiB. */
export const defaultMaxBytes = 16 * 1024 * 1024
/** The default of `maxNesting`: as deep as markdown-it goes by default. */
export const defaultMaxNesting = 100
/** The default of `maxDelimiters`: far more than prose uses, little enough to parse fast. */
export const defaultMaxDelimiters = 2000
