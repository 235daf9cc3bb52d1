/**
 * The syntax tree of a guide: mdast, plus nodes of our own (section, figure, emoji,
 * admonition); and the shape of a guide: its pages and its nav.
 *
 * Every custom node is registered on `mdast` below, so `unist-util-visit`,
 * `mdast-util-to-string` and friends narrow on them like on any mdast node.
 */
import type {
  BlockContent,
  Data,
  FootnoteDefinition,
  Literal,
  Parent,
  PhrasingContent,
  Root,
} from 'mdast'

/** Data of a {@link Section}. */
export interface SectionData extends Data {}

/**
 * A part of a page: what stands between two thematic breaks (`<hr>`, `---`)
 * or from one heading to the next. A page's root holds only sections.
 */
export interface Section extends Parent {
  type: 'section'
  /** Stable, unique (within the page), human-readable id. */
  id: string
  /** Blocks, and GFM footnote definitions where the author wrote them. */
  children: (BlockContent | FootnoteDefinition)[]
  data?: SectionData | undefined
}

/** Where a figure comes from: the `<a>` at the end of its caption. */
export interface FigureSource {
  url: string
  label: string
}

/** Data of a {@link Figure}. */
export interface FigureData extends Data {}

/**
 * A figure: an image with a caption, from a raw
 * `<figure><img><figcaption>…<a>Source</a></figcaption></figure>` block.
 * The caption is the node's phrasing `children`.
 */
export interface Figure extends Parent {
  type: 'figure'
  /** From `<figure id>`, else from the image's file name. */
  id: string
  /** The image URL, as the author wrote it. */
  src: string
  /** The image's `alt`, else the caption's text. */
  alt: string
  /**
   * The image's size in pixels, read from its file when the guide is compiled as a whole
   * and `src` is a relative path (absent for a remote URL).
   */
  width?: number | undefined
  /** See `width`. */
  height?: number | undefined
  source?: FigureSource | undefined
  children: PhrasingContent[]
  data?: FigureData | undefined
}

/** Data of an {@link Emoji}. */
export interface EmojiData extends Data {}

/** A gemoji shortcode such as `:wink:`. */
export interface Emoji extends Literal {
  type: 'emoji'
  /** The shortcode's name, without colons: `wink`. */
  name: string
  /** The emoji itself: `😉`. */
  value: string
  data?: EmojiData | undefined
}

/** Data of an {@link Admonition}. */
export interface AdmonitionData extends Data {}

/**
 * A call-out block as mkdocs-material writes it (Python-Markdown's
 * admonition extension): `!!! note`, `!!! warning "Custom title"`,
 * `!!! tip ""`, collapsible `??? info` (closed) and `???+ info` (open), with
 * a body indented four spaces.
 */
export interface Admonition extends Parent {
  type: 'admonition'
  /**
   * The qualifier as written: one of mkdocs-material's `note`, `abstract`,
   * `info`, `tip`, `success`, `question`, `warning`, `failure`, `danger`,
   * `bug`, `example`, `quote`, or any other word (rendered like `note`).
   */
  kind: string
  /**
   * The title between quotes; `''` for `""` (no title bar); `null` when no
   * title was written (renderers show the kind, capitalised).
   */
  title: string | null
  /** Written with `???` or `???+`: the reader can fold it. */
  collapsible: boolean
  /** Shown unfolded at first: `!!!` and `???+` are open, `???` is not. */
  open: boolean
  children: BlockContent[]
  data?: AdmonitionData | undefined
}

/** The author of a guide, from the page's frontmatter. */
export interface GuideAuthor {
  name: string
  url?: string | undefined
}

/** One page of a guide: one markdown file. */
export interface GuidePage<Id extends string = string> {
  id: Id
  /** The source file, relative to the guide's folder, with `/`: `deploy/docker.md`. */
  path: string
  title: string
  /** The page before this one in the nav (none for the first, or a page outside the nav). */
  prev?: Id | undefined
  /** The page after this one in the nav (none for the last, or a page outside the nav). */
  next?: Id | undefined
  /** An mdast root whose children are all sections. */
  tree: GuideRoot
  /** The root's sections, in order (the same objects as `tree.children`). */
  sections: Section[]
  /** Every figure of the page, in order. */
  figures: Figure[]
  /** Where the text comes from (a URL), from the frontmatter's `source`. */
  source?: string | undefined
  /** Who wrote the text, from the frontmatter's `author`. */
  author?: GuideAuthor | undefined
}

/** A heading of a page, as a table of contents lists it. */
export interface PageHeading {
  depth: 1 | 2 | 3 | 4 | 5 | 6
  /** The heading's anchor on the page (its `data.id`, unique within the page). */
  id: string
  /** Its text, without markup. */
  text: string
}

/**
 * What a guide's index holds of a page: everything but its tree. Enough for a nav, a
 * table of contents and links to the page's sections, without loading the page.
 */
export interface PageEntry<Id extends string = string> {
  id: Id
  /** The source file, relative to the guide's folder, with `/`. */
  path: string
  title: string
  prev?: Id | undefined
  next?: Id | undefined
  source?: string | undefined
  author?: GuideAuthor | undefined
  /** The page's headings, in order. */
  headings: PageHeading[]
  /** The page's section ids, in order. */
  sections: string[]
  /** The page's figure ids, in order. */
  figures: string[]
}

/** A guide without its pages' trees: its title, its nav and an entry a page. */
export interface GuideIndex<Id extends string = string> {
  title: string
  nav: NavItem<Id>[]
  pages: PageEntry<Id>[]
}

/** An entry of a guide's nav that is a page of the guide. */
export interface NavPage<Id extends string = string> {
  title: string
  page: Id
}

/** An entry of a guide's nav that groups other entries (a section of mkdocs' nav). */
export interface NavGroup<Id extends string = string> {
  title: string
  children: NavItem<Id>[]
}

/** An entry of a guide's nav that leaves the guide. */
export interface NavLink {
  title: string
  url: string
}

/** An entry of a guide's nav: a page, a group of entries, or an external link. */
export type NavItem<Id extends string = string> = NavPage<Id> | NavGroup<Id> | NavLink

/** A guide: its title, its nav and its pages (in nav order, then those outside the nav). */
export interface Guide<Id extends string = string> {
  title: string
  nav: NavItem<Id>[]
  pages: GuidePage<Id>[]
}

/**
 * Where a link between pages of a guide points: a relative link to a page's markdown
 * file (`docker.md`, `../testing/api.md#locust`) becomes this, in the link's
 * `data.pageLink`, when the guide is compiled as a whole. Renderers make its URL.
 */
export interface PageLink {
  /** The page linked to. */
  page: string
  /** The section of that page the link's fragment names, if it names one. */
  section?: string | undefined
  /** The page the link stands in. */
  from: string
}

/** The root of a page's tree. */
export interface GuideRoot extends Root {
  children: Section[]
}

/** Any node of our own. */
export type GuideNode = Section | Figure | Emoji | Admonition

declare module 'mdast' {
  interface RootContentMap {
    section: Section
    figure: Figure
    emoji: Emoji
    admonition: Admonition
  }

  interface BlockContentMap {
    section: Section
    figure: Figure
    admonition: Admonition
  }

  interface PhrasingContentMap {
    emoji: Emoji
  }

  interface HeadingData {
    /** The heading's slug, unique within its page. */
    id?: string | undefined
  }

  interface LinkData {
    /** The page (and section) a link between pages of a guide points to. */
    pageLink?: PageLink | undefined
  }
}
