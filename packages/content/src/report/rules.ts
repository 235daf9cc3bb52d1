/**
 * Every rule the pipeline reports under, with its default severity, as mkdocs has
 * them: what mkdocs builds we build, and report what it would lose (a warning); what
 * would be unsafe or has no meaning is an error. `strict` makes warnings fail, as
 * `mkdocs build --strict` does.
 */

/** How a rule's messages count: `error` fails the page, `warn` fails it under `strict`. */
export type Severity = 'error' | 'warn' | 'info' | 'off'

/** A severity a rule can be set to. */
export type RuleSetting = 'error' | 'warn' | 'off'

/** One rule: its default severity, whether it can be set, and what it checks. */
export interface RuleSpec {
  severity: Severity
  /**
   * A rule whose message means nothing was built from the input (an unsafe URL, HTML
   * we do not understand, a figure of another shape) stays an error: it is fixed.
   */
  fixed: boolean
  /** What the rule checks, for `--help` and the README. */
  description: string
}

const fixedError = (description: string): RuleSpec => ({
  severity: 'error',
  fixed: true,
  description,
})

/** Every rule, by id. A message under an id that is not here does not compile. */
export const guideRules = {
  encoding: fixedError('the file is UTF-8'),
  'size-limit': fixedError('the page is at most `maxBytes` long'),
  'nesting-limit': fixedError('quotes, lists, admonitions and emphasis nest at most `maxNesting`'),
  'delimiter-limit': fixedError('a paragraph holds at most `maxDelimiters` `*_~[]`'),
  read: fixedError('the file can be read'),
  'frontmatter-yaml': fixedError('frontmatter is valid YAML'),
  'frontmatter-shape': fixedError('frontmatter is a mapping'),
  'frontmatter-id': fixedError('`id` is a slug'),
  'frontmatter-title': fixedError('`title` is text'),
  'frontmatter-sections': fixedError('`sections` is a list of slugs'),
  'frontmatter-source': fixedError('`source` is an http(s) URL'),
  'frontmatter-author': fixedError('`author` is a name, or a name and an http(s) URL'),
  'frontmatter-unknown-key': {
    severity: 'warn',
    fixed: false,
    description: 'a frontmatter key we do not know is ignored',
  },
  'figure-shape': fixedError('a `<figure>` holds one `<img>` and a `<figcaption>`'),
  'figure-image': fixedError('a figure has one image with a `src`'),
  'figure-caption': fixedError('a caption holds text, links and emphasis'),
  'figure-attribute': fixedError('figure elements carry only the attributes they need'),
  'figure-alt': {
    severity: 'warn',
    fixed: false,
    description: 'a figure has a text alternative (else it keeps an empty `alt`)',
  },
  'attribute-dropped': {
    severity: 'warn',
    fixed: false,
    description: 'a presentational attribute (`width`, `style`, …) is dropped',
  },
  'admonition-header': fixedError('an admonition header has a kind and a closed title'),
  'admonition-indent': fixedError('an admonition body is indented four spaces'),
  'html-unknown': fixedError('raw HTML has a markdown equivalent'),
  'html-attribute': fixedError('raw HTML has no event handler'),
  'image-alt': {
    severity: 'warn',
    fixed: false,
    description: 'a raw `<img>` has an `alt` (else it keeps an empty one)',
  },
  'url-unsafe': fixedError('URLs are http, https, mailto or relative'),
  'section-count': fixedError('frontmatter lists one id per section'),
  'section-id-duplicate': fixedError('section ids are unique within their page'),
  'title-missing': fixedError('a page has a title'),
  'page-id-duplicate': fixedError('page ids are unique within the guide'),
  'mkdocs-yaml': fixedError('`mkdocs.yml` is valid YAML, and its `docs_dir` holds pages'),
  'mkdocs-nav': fixedError('`nav` entries are pages, links or groups'),
  'nav-file': {
    severity: 'warn',
    fixed: false,
    description: 'a `nav` entry names a page of the guide (else it is left out)',
  },
  'page-not-in-nav': {
    severity: 'info',
    fixed: false,
    description: 'a page is in the `nav` (else it is built, outside the nav)',
  },
  'link-page': {
    severity: 'warn',
    fixed: false,
    description: 'a relative link to a `.md` file names a page of the guide',
  },
  'link-anchor': {
    severity: 'warn',
    fixed: false,
    description: 'a link’s `#fragment` names a section or heading of its page',
  },
  'image-file': {
    severity: 'error',
    fixed: false,
    description: 'a relative image `src` names an image file in the guide’s folder',
  },
} as const satisfies Record<string, RuleSpec>

/** The id of a rule. */
export type RuleId = keyof typeof guideRules

/** The id of a rule that can be set (`fixed: false`). */
export type SettableRuleId = {
  [Id in RuleId]: (typeof guideRules)[Id]['fixed'] extends true ? never : Id
}[RuleId]

/** Severities to use instead of the defaults: `{ 'figure-alt': 'error' }`. */
export type RuleSettings = { [Id in SettableRuleId]?: RuleSetting | undefined }

const settings = new Set<string>(['error', 'warn', 'off'])

/** Throws a `TypeError` for a rule that is not known or cannot be set, or a bad severity. */
export function checkRuleSettings(rules: Readonly<Record<string, unknown>>): RuleSettings {
  for (const [id, setting] of Object.entries(rules)) {
    const rule = Object.hasOwn(guideRules, id) ? guideRules[id as RuleId] : undefined
    if (!rule) throw new TypeError(`Unknown rule \`${id}\``)
    if (rule.fixed) {
      throw new TypeError(
        `Rule \`${id}\` is always an error: nothing is built from what it reports`,
      )
    }
    if (typeof setting !== 'string' || !settings.has(setting)) {
      throw new TypeError(`Rule \`${id}\` takes error, warn or off, not \`${String(setting)}\``)
    }
  }
  return rules as RuleSettings
}

/** The severity of `id` under `rules`. */
export function severityOf(id: string, rules?: Readonly<RuleSettings>): Severity {
  const rule = Object.hasOwn(guideRules, id) ? guideRules[id as RuleId] : undefined
  if (!rule) return 'error'
  if (rule.fixed) return rule.severity
  return rules?.[id as SettableRuleId] ?? rule.severity
}
