/**
 * The environment for child processes that a test or benchmark starts: ours, minus what
 * would change what they do or measure.
 */

/** Variables that the enclosing turbo, pnpm or vitest run sets for itself. */
const runnerVariables = /^(TURBO_|npm_|PNPM_|VITEST|INIT_CWD$)/i

export interface CleanEnvOptions {
  /**
   * The child is measured: also drop `NODE_EXTRA_CA_CERTS`, which makes every Node start
   * parse a certificate bundle (default false: a child that installs from the registry
   * behind a proxy needs it).
   */
  measured?: boolean
  /**
   * Also drop the enclosing turbo, pnpm and vitest run's own variables, for a child
   * that runs turbo or pnpm itself (default false).
   */
  dropRunner?: boolean
}

/** `process.env` plus `extra`, without `NODE_OPTIONS` (loaders and flags). */
export function cleanEnv(
  extra: Record<string, string> = {},
  options: CleanEnvOptions = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (options.dropRunner && runnerVariables.test(key)) continue
    env[key] = value
  }
  delete env.NODE_OPTIONS
  if (options.measured) delete env.NODE_EXTRA_CA_CERTS
  return { ...env, ...extra }
}
