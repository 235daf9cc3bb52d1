import { resolve } from 'node:path'
import { guideLoader } from '@ai-engineer/content/astro'
import { defineCollection } from 'astro:content'

/**
 * The guide the site is made from: `GUIDE` (an `mkdocs.yml` or a folder of pages,
 * relative to where the command was run), else the guide `@ai-engineer/content` ships.
 */
const given = process.env['GUIDE']
const guide =
  given === undefined || given === ''
    ? undefined
    : resolve(process.env['INIT_CWD'] ?? process.cwd(), given)

export const collections = {
  guide: defineCollection({ loader: guideLoader({ guide }) }),
}
