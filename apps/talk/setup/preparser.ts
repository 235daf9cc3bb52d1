/**
 * Presenter notes from the content package (CONTRIBUTING.md, "Toolchain").
 *
 * A slide names its content in its frontmatter:
 *
 *   page: intro             # a PageId of @ai-engineer/content
 *   section: ai-engineers   # a SectionId of that page
 *   blocks: [1, 2]          # optional: which of the section's blocks (default: all)
 *
 * and its notes become that prose, so the speaker sees the guide's text in presenter
 * mode and nobody copies it into `slides.md`. Notes written under the slide are kept,
 * after the generated ones. Unknown ids, in the frontmatter or in a component's
 * `page` / `section` / `figure` attribute (a section or figure with its page), throw: `slidev build` and `slidev` start-up
 * exit with the message. In `pnpm dev` the content is the guide as last saved
 * (setup/vite-plugins.ts), so a save of the guide re-runs this with the new prose.
 *
 * With `TALK_SITE_URL` (the guide's website, as the Pages workflow deploys it beside the
 * deck), the notes end with a link to the section on the website.
 */
import { definePreparserSetup } from '@slidev/types'
import { currentContent } from '../lib/content.ts'
import { sectionNote, websiteNote } from '../lib/notes.ts'
import { checkMarkupIds, slideContent, slideName } from '../lib/slide-content.ts'

export default definePreparserSetup(async ({ filepath }) => {
  const content = currentContent()
  let slide = 0
  let where = filepath

  return [
    {
      name: '@ai-engineer/talk:notes-from-content',
      async transformSlide(markup, frontmatter: Record<string, unknown>) {
        slide += 1
        where = slideName(filepath, slide, frontmatter)
        checkMarkupIds(markup, content, where)
        return undefined
      },
      async transformNote(note, frontmatter: Record<string, unknown>) {
        const named = slideContent(frontmatter, content, where)
        if (!named) return undefined
        const site = process.env['TALK_SITE_URL']
        const generated = site
          ? `${sectionNote(named.section, named.blocks)}\n\n${websiteNote(site, named.page, named.section.id)}`
          : sectionNote(named.section, named.blocks)
        return note?.trim() ? `${generated}\n\n${note.trim()}` : generated
      },
    },
  ]
})
