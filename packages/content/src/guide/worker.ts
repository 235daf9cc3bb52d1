/**
 * A worker thread of {@link parsePages}: parses the pages it is sent, one at a time,
 * stores each in the cache when told to, and sends each back in the form the cache
 * stores (or its outline).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runJob, type WorkerAnswer, type WorkerRequest, type WorkerSetup } from './parse-pages.js'

const { options } = workerData as WorkerSetup
const port = parentPort!
// One page at a time, in the order sent: the parser is synchronous but for its plugins.
let queue = Promise.resolve()
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    let answer: WorkerAnswer
    try {
      answer = { index: request.index, ...(await runJob(request, options)) }
    } catch (error) {
      const { message, stack } = error instanceof Error ? error : new Error(String(error))
      answer = { index: request.index, error: { message, stack } }
    }
    port.postMessage(answer)
  })
})
