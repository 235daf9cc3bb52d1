import { spawn } from 'node:child_process'

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Kill the command after this many milliseconds (default: 5 minutes). */
  timeout?: number
}

export interface RunResult {
  command: string
  code: number | null
  stdout: string
  stderr: string
  /** Wall time in milliseconds. */
  ms: number
}

/**
 * Run `command args` without a shell and collect its output. Never throws for a
 * non-zero exit: callers assert on `code` and show `stdout`/`stderr` when it fails.
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now()
  const line = [command, ...args].join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 300_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ command: line, code, stdout, stderr, ms: Math.round(performance.now() - started) })
    })
  })
}

/** `run`, then throw with the command's output if it did not exit 0. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) throw new Error(describeFailure(result))
  return result
}

export function describeFailure(result: RunResult): string {
  return [
    `\`${result.command}\` exited with ${result.code} after ${result.ms} ms`,
    result.stdout.trim() && `--- stdout\n${result.stdout.trim()}`,
    result.stderr.trim() && `--- stderr\n${result.stderr.trim()}`,
  ]
    .filter(Boolean)
    .join('\n')
}

/** Seconds with one decimal, for progress lines. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}
