/** The benchmarks, in the order the report lists them. */
import { builds } from './builds.ts'
import { componentsSize } from './size.ts'
import { coldStart } from './cold-start.ts'
import { deck } from './deck.ts'
import { devLoop } from './dev-loop.ts'
import { guides } from './guides.ts'
import { importCost } from './import-cost.ts'
import { pipelineThroughput } from './pipeline.ts'
import { site } from './site.ts'
import type { BenchOptions, Result } from './report.ts'

export const benchmarks: Record<string, (options: BenchOptions) => Promise<Result>> = {
  import: importCost,
  pipeline: pipelineThroughput,
  deck,
  size: componentsSize,
  builds,
  devloop: devLoop,
  coldstart: coldStart,
  guides,
  site,
}
