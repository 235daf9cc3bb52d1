import { describe, expect, it } from 'vitest'
import { bumpFor, classifyReportChange, highestLevel } from '../src/api-diff.ts'

const report = (body: string) => `# API report\n\n## \`pkg\`\n\n\`\`\`ts\n${body}\n\`\`\`\n`

const before = report(`import { Root } from 'mdast';

export interface ParseOptions {
    maxBytes?: number | undefined;
}

export interface Page {
    id: string;
    title: string;
}

export function parse(value: string, options?: ParseOptions): Root;

export function render(page: PageInput): string;

export interface PageInput {
    id: string;
}`)

function levels(after: string) {
  return classifyReportChange(before, report(after)).map((change) => [
    change.kind,
    change.text,
    change.level,
  ])
}

describe('classifyReportChange', () => {
  it('should call a required field added to an options type breaking, an optional one minor', () => {
    const body = before.split('```ts\n')[1]?.split('\n```')[0] ?? ''
    expect(
      levels(
        body.replace(
          'maxBytes?: number | undefined;',
          'maxBytes?: number | undefined;\n    mode: string;\n    strict?: boolean;',
        ),
      ),
    ).toEqual([
      ['added', 'mode: string;', 'breaking'],
      ['added', 'strict?: boolean;', 'minor'],
    ])
  })

  it('should call a required field added to a parameter type breaking, and to an output type minor', () => {
    const body = before.split('```ts\n')[1]?.split('\n```')[0] ?? ''
    const after = body
      .replace(
        'export interface PageInput {\n    id: string;',
        'export interface PageInput {\n    id: string;\n    lang: string;',
      )
      .replace('    title: string;\n}', '    title: string;\n    words: number;\n}')
    expect(levels(after)).toEqual([
      ['added', 'words: number;', 'minor'],
      ['added', 'lang: string;', 'breaking'],
    ])
  })

  it('should call a removed or changed line breaking, and a field removed from an output type too', () => {
    const body = before.split('```ts\n')[1]?.split('\n```')[0] ?? ''
    const after = body
      .replace('    title: string;\n', '')
      .replace('parse(value: string,', 'parse(value: string | Uint8Array,')
    const changes = classifyReportChange(before, report(after))
    expect(changes.map((c) => [c.kind, c.level])).toEqual([
      ['removed', 'breaking'],
      ['removed', 'breaking'],
      ['added', 'minor'],
    ])
    expect(highestLevel(changes)).toBe('breaking')
  })

  it('should need nothing for comments, imports and blank lines, and a patch for a move', () => {
    const body = before.split('```ts\n')[1]?.split('\n```')[0] ?? ''
    expect(
      levels(
        body.replace("import { Root } from 'mdast';", "import { Root } from 'mdast';\n// a note\n"),
      ),
    ).toEqual([])
    const moved = body.replace(
      '    id: string;\n    title: string;',
      '    title: string;\n    id: string;',
    )
    expect(levels(moved).map(([, , level]) => level)).toEqual(['patch'])
    expect(highestLevel([])).toBeUndefined()
  })

  it('should call a removed entry point or listed path breaking, and ignore the prose around them', () => {
    const withPaths = `${before}\nNot exported, used above:\n\n## Other exports\n\n- \`pkg/style.css\`\n- \`pkg/package.json\`\n`
    const without = `${before}\n## Other exports\n\n- \`pkg/package.json\`\n- \`pkg/schema.json\`\n`
    expect(classifyReportChange(withPaths, without).map((c) => [c.kind, c.text, c.level])).toEqual([
      ['removed', '- `pkg/style.css`', 'breaking'],
      ['added', '- `pkg/schema.json`', 'minor'],
    ])
  })

  it('should turn breaking into minor while 0.x and major from 1.0', () => {
    expect(bumpFor('breaking', '0.4.1')).toBe('minor')
    expect(bumpFor('breaking', '1.0.0')).toBe('major')
    expect(bumpFor('minor', '0.4.1')).toBe('minor')
    expect(bumpFor('patch', '2.0.0')).toBe('patch')
  })
})
