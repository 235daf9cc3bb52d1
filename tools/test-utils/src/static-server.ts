/**
 * A static server for a built site: `sirv --single` (a deck's slide URLs are client
 * routes, so unknown paths get index.html; CONTRIBUTING.md, "Toolchain") on a free
 * 127.0.0.1 port, as a background process that the test stops by its PID.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

const require = createRequire(import.meta.url)

/** A port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`, read back from the server (sirv moves on if the port is taken). */
  origin: string
  pid: number
  stop(): Promise<void>
}

/**
 * Serve `dir` with an SPA fallback; resolves once the server says where it listens.
 * `fallback` is the page unknown paths get, relative to `dir` (for a deck built under a
 * sub-path, `ai-engineer/index.html`), or `false` for none: an unknown path is a 404, as a
 * multi-page site wants it.
 */
export async function serveStatic(
  dir: string,
  fallback: string | false = 'index.html',
): Promise<StaticServer> {
  const bin = join(dirname(require.resolve('sirv-cli/package.json')), 'bin.js')
  const port = await freePort()
  // `node bin.js` directly, so that the child's PID is the server's own.
  const child = spawn(
    process.execPath,
    [
      bin,
      dir,
      ...(fallback === false ? [] : ['--single', fallback]),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error('sirv did not start')

  let output = ''
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sirv did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      // ANSI colours aside, sirv prints `Local: http://127.0.0.1:PORT`.
      const match = stripVTControlCharacters(output).match(/http:\/\/127\.0\.0\.1:(\d+)/)
      if (match) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${match[1]}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`sirv exited with ${code}:\n${output}`))
    })
  })

  return {
    origin,
    pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        process.kill(pid, 'SIGTERM')
      }),
  }
}
