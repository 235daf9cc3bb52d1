import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Write `text` to `path` unless it already holds it, through a temporary file renamed
 * into place, so a reader never sees half a file and an unchanged file keeps its time.
 */
export async function writeIfChanged(path: string, text: string): Promise<void> {
  if (existsSync(path) && (await readFile(path, 'utf8')) === text) return
  await mkdir(dirname(path), { recursive: true })
  // A name of its own: two compiles of the Vite plugin may write the same file at once,
  // and one must not rename the other's temporary file away.
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}
