/**
 * Parse many pages at once: on this thread, or across worker threads (as many as asked
 * for), each page with the page pipeline. The results come back in the order of the
 * pages whatever thread parsed them, in the form the cache stores, so a page's output
 * is the same byte for byte whichever way it was parsed.
 *
 * Worker threads run the built package (`dist/worker.js`); run from its sources, the
 * package parses on this thread.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ProcessorOptions } from '../parse/index.js'
import {
  codeFolder,
  outlineParse,
  processorOptions,
  storeParse,
  writeEntrySync,
  type StoredParse,
} from './cache.js'

/** A page to parse: its bytes, its path in messages and its path in the guide. */
export interface PageJob {
  bytes: Uint8Array
  path: string
  pagePath: string
  /**
   * The cache entry to write the parse into (the thread that parses a page stores it, so
   * the tree is not sent to another thread to be written).
   */
  entry?: string | undefined
  /** Give back the parse's outline ({@link outlineParse}), not its whole tree. */
  outline?: boolean | undefined
}

/** What parsing a {@link PageJob} gives: the parse, or its outline. */
export interface JobResult {
  parse: StoredParse
  /** Whether `parse` is the page's outline. */
  outline: boolean
}

/** What a worker is told, once. */
export interface WorkerSetup {
  options: ProcessorOptions
}

/** A job sent to a worker, and its answer. */
export type WorkerRequest = PageJob & { index: number }
export type WorkerAnswer =
  | ({ index: number } & JobResult)
  | { index: number; error: { message: string; stack?: string | undefined } }

/**
 * The young generation of a worker's heap, in MB. V8's default grows it to several
 * times this on a machine with memory to spare; a page's parse is short-lived garbage
 * that fits in this much, and at 300 pages each worker then takes ~50 MB less, with no
 * time lost (measured; the bench's peak-memory rows).
 */
const workerYoungGenerationMb = 16

/**
 * By default, one worker for each this many pages to parse, up to one a core, and none
 * for fewer than two: a worker loads the pipeline and warms up on its own, and costs
 * memory, so it pays for itself only with enough pages to parse. Measured on 2 cores with
 * the worker one bundled file (cold `build`s, three alternating rounds a size): 100 pages
 * took 1.2 s on this thread against 1.3–1.5 s on two workers; 150 pages were a draw;
 * 200 pages took 2.5–3.4 s and 265–300 MB on this thread against 2.1–3.0 s and 190–215 MB
 * on two workers, and 300 pages 3.1–4.2 s and 280–300 MB against 2.9–3.3 s and
 * 190–205 MB (the main thread keeps what a parse leaves on its heap).
 */
export const pagesPerThread = 100

/** With a number of threads asked for, the fewest pages that start workers, 24 each. */
export const minPagesForThreads = 48

/** Parse one page on this thread, into the form the cache stores. */
export async function parseJob(job: PageJob, options: ProcessorOptions): Promise<StoredParse> {
  // The pipeline is loaded when a page needs parsing: a run that takes every page from
  // the cache never loads it.
  const { checkGuide } = await import('../parse/index.js')
  const { file, page } = await checkGuide(job.bytes, {
    ...options,
    path: job.path,
    pagePath: job.pagePath,
    strict: false,
  })
  return storeParse(file, page)
}

/** Parse one page on this thread, store it where the job says, and give back what it asks for. */
export async function runJob(job: PageJob, options: ProcessorOptions): Promise<JobResult> {
  const parse = await parseJob(job, options)
  if (job.entry !== undefined) writeEntrySync(job.entry, JSON.stringify(parse))
  return job.outline ? { parse: outlineParse(parse), outline: true } : { parse, outline: false }
}

/** The built worker, when this package runs built. */
function workerFile(): string | undefined {
  const file = join(codeFolder(), 'worker.js')
  return existsSync(file) ? file : undefined
}

/** How many threads parse at most by default: one a core. */
export function defaultThreads(): number {
  return availableParallelism()
}

/**
 * How many worker threads parse `pages` pages: `threads` asked for, one for each 24
 * pages (from 48), or by default one for each {@link pagesPerThread}, up to one a core;
 * fewer than 2 parse on this thread.
 */
export function threadsFor(pages: number, threads: number | undefined): number {
  if (threads === undefined) return Math.min(defaultThreads(), Math.floor(pages / pagesPerThread))
  if (pages < minPagesForThreads) return 1
  return Math.min(threads, Math.ceil(pages / (minPagesForThreads / 2)))
}

/**
 * Parse `jobs` with `options`, on worker threads when there are enough pages for them
 * ({@link threadsFor}: `threads` asked for, else by default) and the package runs built,
 * else on this thread. Resolves to the parses in the order of `jobs`, and how many
 * threads parsed them; rejects with the first error a page's parse threw (not a
 * message: those are in the parse).
 */
export async function parsePages(
  jobs: readonly PageJob[],
  options: Readonly<ProcessorOptions>,
  threads?: number,
  onParsed?: (done: number) => void,
): Promise<{ parses: JobResult[]; threads: number }> {
  const own = processorOptions(options)
  const file = workerFile()
  const count = threadsFor(jobs.length, threads)
  if (file === undefined || count < 2) {
    const parses: JobResult[] = []
    for (const job of jobs) {
      parses.push(await runJob(job, own))
      onParsed?.(parses.length)
    }
    return { parses, threads: 1 }
  }
  return { parses: await inWorkers(file, jobs, own, count, onParsed), threads: count }
}

function inWorkers(
  file: string,
  jobs: readonly PageJob[],
  options: ProcessorOptions,
  count: number,
  onParsed: ((done: number) => void) | undefined,
): Promise<JobResult[]> {
  const parses = new Array<JobResult>(jobs.length)
  const workers: Worker[] = []
  let next = 0
  let done = 0
  return new Promise<JobResult[]>((resolve, reject) => {
    const stop = (): void => {
      for (const worker of workers) void worker.terminate()
    }
    const fail = (error: unknown): void => {
      stop()
      reject(error instanceof Error ? error : new Error(String(error)))
    }
    const send = (worker: Worker): void => {
      if (next >= jobs.length) return
      const index = next++
      const request: WorkerRequest = { ...jobs[index]!, index }
      worker.postMessage(request)
    }
    for (let n = 0; n < count; n++) {
      const worker = new Worker(file, {
        workerData: { options } satisfies WorkerSetup,
        resourceLimits: { maxYoungGenerationSizeMb: workerYoungGenerationMb },
      })
      workers.push(worker)
      worker.on('message', (answer: WorkerAnswer) => {
        if ('error' in answer) {
          const error = new Error(answer.error.message)
          if (answer.error.stack) error.stack = answer.error.stack
          fail(error)
          return
        }
        parses[answer.index] = { parse: answer.parse, outline: answer.outline }
        done++
        onParsed?.(done)
        if (done === jobs.length) {
          stop()
          resolve(parses)
        } else send(worker)
      })
      worker.on('error', fail)
      // Two pages in flight a worker, so none waits for its next page.
      send(worker)
      send(worker)
    }
  })
}
