/**
 * The licences of the libraries that `dist/cli.js` and `dist/worker.js` inline. MIT, ISC
 * and the like ask that their notice go with every copy of the code: a rolldown plugin
 * lists the packages whose modules went into a bundle, and {@link licenseNotice} writes
 * each one's name, version, licence and licence file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import type { TsdownPlugin } from 'tsdown'

/** A package whose code is in a bundle. */
export interface BundledPackage {
  name: string
  version: string
  license: string
  /** Its author, as its manifest names them (the copyright holder, when no file says). */
  author: string | undefined
  /** The text of its licence file (`LICENSE`, `license.md`, `LICENCE.txt`…), if it has one. */
  text: string | undefined
}

/**
 * A plugin that adds to `found` each package (by its folder) of which a module went into
 * the output: modules under a `node_modules` folder, the package's own code left out.
 */
export function bundledPackages(found: Map<string, BundledPackage>): TsdownPlugin {
  return {
    name: 'bundled-packages',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        for (const id of output.moduleIds) {
          const folder = packageFolder(id)
          if (folder !== undefined && !found.has(folder)) found.set(folder, readPackage(folder))
        }
      }
    },
  }
}

/** The folder of the package under `node_modules` that the module `id` belongs to. */
function packageFolder(id: string): string | undefined {
  const at = id.lastIndexOf(`${sep}node_modules${sep}`)
  if (at === -1) return undefined
  const rest = id.slice(at + `${sep}node_modules${sep}`.length).split(sep)
  const parts = rest[0]!.startsWith('@') ? 2 : 1
  if (rest.length <= parts) return undefined
  return join(id.slice(0, at), 'node_modules', ...rest.slice(0, parts))
}

function readPackage(folder: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    name?: string
    version?: string
    license?: string
    // The old form, which some packages still use.
    licenses?: { type?: string; url?: string }[]
    author?: string | { name?: string; email?: string; url?: string }
  }
  const file = readdirSync(folder).find((name) => /^licen[cs]e([-.][\w.-]+)?$/i.test(name))
  const { author } = manifest
  return {
    name: manifest.name ?? folder.slice(dirname(folder).length + 1),
    version: manifest.version ?? '',
    license:
      manifest.license ??
      manifest.licenses
        ?.map(({ type, url }) => [type, url && `(${url})`].filter(Boolean).join(' '))
        .join(', ') ??
      'not stated in its package',
    author:
      typeof author === 'string'
        ? author
        : author?.name &&
          [author.name, author.email && `<${author.email}>`].filter(Boolean).join(' '),
    text:
      file !== undefined && existsSync(join(folder, file))
        ? readFileSync(join(folder, file), 'utf8').trim()
        : undefined,
  }
}

/** The notice file: each package once, by name, with its licence's text. */
export function licenseNotice(packages: Iterable<BundledPackage>, bundles: string[]): string {
  const byName = new Map<string, BundledPackage>()
  for (const pkg of packages) byName.set(`${pkg.name}@${pkg.version}`, pkg)
  const sorted = [...byName.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1,
  )
  const sections = sorted.map(
    (pkg) =>
      `## ${pkg.name}@${pkg.version}\n\nLicense: ${pkg.license}\n${pkg.author ? `Author: ${pkg.author}\n` : ''}${
        pkg.text === undefined ? '' : `\n\`\`\`text\n${pkg.text.replace(/```/g, '` ` `')}\n\`\`\`\n`
      }`,
  )
  return `# Licences of the bundled libraries\n\n${bundles.map((name) => `\`${name}\``).join(' and ')} hold the code of the ${sorted.length} packages below, each under its own licence, whose text follows. The package's other files import these libraries from \`node_modules\` instead.\n\n${sections.join('\n')}`
}
