/**
 * `@ai-engineer/content/vite`: a Vite plugin that compiles a folder of guides with
 * `parseGuide` (the build's pipeline), serves them as a module with the main entry's
 * API (`guide`, the id lists, `getPage`, `getSection`, `getFigure`), updates that module
 * through HMR when a guide changes, and writes a declaration file with the guides'
 * literal id types. A guide that does not compile keeps the last good module: the
 * terminal gets the `vfile-reporter` output, the browser Vite's error overlay.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HmrContext, Plugin, ViteDevServer } from 'vite'
import { duplicateId, guideIds } from '../guide/index.js'
import { GuideError, parseGuide } from '../parse/index.js'
import type { GuidePage } from '../types.js'
import { guideModule, type GuideData, type GuideModule } from '../runtime/index.js'
import { declarations } from './dts.js'
import { GuidesError, overlayError, reportText } from './errors.js'

export type { GuideData, GuideModule, PageData } from '../runtime/index.js'
export { GuidesError } from './errors.js'

/** Options of {@link guides}. */
export interface GuidesOptions {
  /** The folder of the guide's `*.md` pages, relative to Vite's root (or absolute). */
  dir: string
  /**
   * The module id the guides are served as. Default `virtual:guides`. A package name
   * (`'@ai-engineer/content'`) serves the guides in place of that package to the app's own
   * modules (those under Vite's root, outside `node_modules`); dependencies that import
   * the package keep the package.
   */
  module?: string
  /**
   * Where to write the declaration file of the module (relative to Vite's root), or
   * `false` for none. Default `src/guides.d.ts`. Rewritten only when its text changes.
   */
  dts?: string | false
  /**
   * Called with each compiled version before it is served: throw to refuse it (the
   * message is reported like a guide error and the last good version stays).
   */
  check?: (guides: GuideModule) => void
  /** Called after a new version is served (dev server only). */
  onUpdate?: (guides: GuideModule) => void
}

const plugin = '@ai-engineer/content/vite'
const registry = Symbol.for(plugin)
type Registry = Map<string, GuideModule>

function live(): Registry {
  const scope = globalThis as { [registry]?: Registry }
  return (scope[registry] ??= new Map())
}

/**
 * The guides that a {@link guides} plugin of this process serves from `dir` (absolute),
 * as last compiled, or `undefined` when none does. For Node.js code that runs beside the
 * dev server, such as a Slidev preparser.
 */
export function liveGuides(dir: string): GuideModule | undefined {
  return live().get(resolve(dir))
}

// The module's runtime, next to this file in `dist/`.
const runtime = fileURLToPath(new URL('./runtime.js', import.meta.url))
const ownPackage = '@ai-engineer/content'

/** The Vite plugin: `plugins: [vue(), guides({ dir: 'docs' })]`. */
export function guides(options: GuidesOptions): Plugin {
  const moduleId = options.module ?? 'virtual:guides'
  const resolvedId = `\0${moduleId}?guides`
  const pages = new Map<string, { source: string; page: GuidePage }>()
  let root = process.cwd()
  let dir = resolve(options.dir)
  let current: { data: GuideData; module: GuideModule } | undefined
  let server: ViteDevServer | undefined

  const ownModule = (importer: string | undefined): boolean =>
    importer !== undefined &&
    importer.startsWith(root + sep) &&
    !importer.includes(`${sep}node_modules${sep}`)
  const isGuide = (file: string): boolean =>
    file.startsWith(dir + sep) && file.endsWith('.md') && !file.slice(dir.length + 1).includes(sep)

  async function compile(): Promise<{ data: GuideData; module: GuideModule }> {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()
    if (names.length === 0) throw new Error(`${plugin}: no guide pages (*.md) in ${dir}`)
    const failures: GuidesError['failures'][number][] = []
    const compiled: GuidePage[] = []
    for (const name of names) {
      const file = join(dir, name)
      const bytes = await readFile(file)
      const source = bytes.toString('utf8')
      const cached = pages.get(file)
      if (cached?.source === source) {
        compiled.push(cached.page)
        continue
      }
      try {
        const page = await parseGuide(bytes, { path: relative(root, file) })
        pages.set(file, { source, page })
        compiled.push(page)
      } catch (error) {
        if (!(error instanceof GuideError)) throw error
        failures.push({ file, source, error })
      }
    }
    for (const file of pages.keys()) if (!names.includes(relative(dir, file))) pages.delete(file)
    if (failures.length > 0) throw new GuidesError(failures)
    const duplicate = duplicateId(compiled)
    if (duplicate !== undefined) throw new Error(`${relative(root, dir)}: ${duplicate}`)
    const data: GuideData = JSON.parse(
      JSON.stringify(
        {
          title: compiled[0]!.title,
          pages: compiled.map(({ id, title, source, author, tree }) => ({
            id,
            title,
            ...(source ? { source } : {}),
            ...(author ? { author } : {}),
            tree,
          })),
        },
        (key, value: unknown) => (key === 'position' ? undefined : value),
      ),
    )
    const module = guideModule(data)
    options.check?.(module)
    if (options.dts !== false) {
      const dts = resolve(root, options.dts ?? 'src/guides.d.ts')
      const text = declarations(moduleId, guideIds(compiled), relative(dirname(dts), dir))
      await writeIfChanged(dts, text)
    }
    live().set(dir, module)
    return { data, module }
  }

  function report(error: unknown): void {
    const text = `${plugin}: the guides in ${relative(root, dir) || '.'} did not compile; the last good version stays\n${reportText(error)}`
    if (server) server.config.logger.error(text, { timestamp: true })
    else console.error(text)
    server?.hot.send({ type: 'error', err: overlayError(error, plugin) })
  }

  return {
    name: plugin,
    enforce: 'pre',
    configResolved(config) {
      root = config.root
      dir = resolve(root, options.dir)
    },
    async buildStart() {
      try {
        current = await compile()
      } catch (error) {
        // A dev server starts with the last good version (none yet): the overlay shows why.
        if (!server) throw error
        report(error)
      }
    },
    configureServer(devServer) {
      server = devServer
      devServer.watcher.add(dir)
    },
    async resolveId(id, importer) {
      if (id !== moduleId) return null
      // The served module re-exports the real package when it stands in for it.
      if (importer === resolvedId) return this.resolve(id, importer, { skipSelf: true })
      if (!moduleId.startsWith('virtual:') && !ownModule(importer)) return null
      return resolvedId
    },
    async load(id) {
      if (id !== resolvedId) return null
      for (const name of await readdir(dir)) this.addWatchFile(join(dir, name))
      current ??= await compile()
      const lines = [
        `import { guideModule } from ${JSON.stringify(runtime)}`,
        `const m = guideModule(JSON.parse(${JSON.stringify(JSON.stringify(current.data))}))`,
        'export const { guide, pageIds, sectionIds, figureIds, getPage, getSection, getFigure } = m',
      ]
      if (moduleId === ownPackage) lines.unshift(`export * from ${JSON.stringify(ownPackage)}`)
      return lines.join('\n')
    },
    async handleHotUpdate(ctx: HmrContext) {
      if (!isGuide(ctx.file)) return undefined
      // A save may truncate the page before writing it, and the watcher can fire in
      // between: Vite's `read()` waits for the write when it finds the file empty.
      await ctx.read()
      try {
        current = await compile()
      } catch (error) {
        report(error)
        return []
      }
      options.onUpdate?.(current.module)
      const graph = ctx.server.moduleGraph
      const served = graph.getModuleById(resolvedId)
      if (!served) return ctx.modules
      // The page itself is in the graph only as a watched file of the served module.
      const others = ctx.modules.filter((item) => item !== served && item.id !== null)
      graph.invalidateModule(served)
      return [...others, served]
    },
  }
}

async function writeIfChanged(path: string, text: string): Promise<void> {
  if (existsSync(path) && (await readFile(path, 'utf8')) === text) return
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, text)
  await rename(temporary, path)
}
