import GithubSlugger, { slug } from 'github-slugger'
import type { BlockContent, Heading, Root, RootContent, Strong } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Plugin } from 'unified'
import { eachNode } from '../../runtime/index.js'
import { report } from '../../report/index.js'
import { registerSyntax } from '../register.js'
import { sectionToMarkdown } from './markdown.js'
import type { Section } from '../../types.js'

/** Options of {@link remarkGuideSections}: none yet. */
export interface SectionOptions {}

/**
 * Split a page into `section` nodes at thematic breaks (`<hr>`, `---`,
 * which are consumed) and before every heading, so the root holds only
 * sections. Ids come from the frontmatter's `sections` list
 * (`file.data.guideMeta.sections`, checked against the count), else from the
 * slug of the section's heading, else of its first strong phrase, else of
 * its position (`section-3`). Headings also get a slug, in `data.id`.
 */
const remarkGuideSections: Plugin<[(Readonly<SectionOptions> | null | undefined)?], Root> =
  function () {
    registerSyntax(this, { toMarkdown: sectionToMarkdown })
    return function (tree, file) {
      const groups = split(tree.children)
      const given = file.data.guideMeta?.sections
      if (given && given.length !== groups.length) {
        report(
          file,
          `Frontmatter lists ${given.length} section ids, but the page has ${groups.length} sections (split at \`<hr>\`, \`---\` and headings): list one id per section`,
          file.data.guideMeta?.sectionsPlace,
          'section-count',
        )
      }
      // Headings get GitHub's slugs, whatever the frontmatter says, so anchors stay stable.
      const headings = new GithubSlugger()
      const reserved = new GithubSlugger()
      eachNode<Heading>(tree, ['heading'], (heading) => {
        const id = headings.slug(toString(heading))
        if (id) {
          heading.data = { ...heading.data, id }
          reserved.slug(id)
        }
      })

      tree.children = groups.map((children, index) => {
        const id = given?.[index] ?? deriveId(children, index, reserved)
        const section: Section = { type: 'section', id, children }
        const first = children[0]
        const last = children.at(-1)
        if (first?.position && last?.position) {
          section.position = { start: first.position.start, end: last.position.end }
        }
        return section
      })
    }
  }

export default remarkGuideSections

function split(nodes: RootContent[]): BlockContent[][] {
  const groups: BlockContent[][] = []
  let current: BlockContent[] = []
  const close = (): void => {
    if (current.length > 0) groups.push(current)
    current = []
  }
  for (const node of nodes) {
    if (node.type === 'thematicBreak') {
      close()
    } else if (node.type === 'heading') {
      close()
      current.push(node)
    } else if (node.type !== 'yaml' && node.type !== 'definition') {
      current.push(node as BlockContent)
    }
  }
  close()
  return groups
}

/**
 * A section's id when the author gave none: its heading's slug, else a slug of
 * its first strong phrase, else of its position. `slugger` has seen every
 * heading's slug, so a derived id never takes one.
 */
function deriveId(children: BlockContent[], index: number, slugger: GithubSlugger): string {
  const first = children[0]
  if (first?.type === 'heading' && first.data?.id) return first.data.id
  let strong = ''
  for (const child of children) {
    eachNode<Strong>(child, ['strong'], (node) => {
      strong = toString(node)
      return false
    })
    if (strong) break
  }
  return slugger.slug(slug(strong) === '' ? `section-${index + 1}` : strong)
}
