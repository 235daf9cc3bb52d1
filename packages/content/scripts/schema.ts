/**
 * The JSON Schema (draft 2020-12) of a guide page, generated from the
 * TypeScript types: `GuidePageDocument` (src/output/schema-types.ts), through
 * src/types.ts and the mdast and unist types it reaches.
 *
 * A small walker over the TypeScript type checker rather than
 * ts-json-schema-generator: that tool reads a type's first declaration only,
 * so the nodes we register on mdast by declaration merging (`declare module
 * 'mdast'`: section, figure, emoji, admonition in `BlockContentMap`…) were
 * missing from the unions. The checker sees the merged types, as `tsc` does.
 */
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

type Schema = Record<string, unknown>

const root = fileURLToPath(new URL('..', import.meta.url))
export const schemaId = 'https://unpkg.com/@ai-engineer/content/dist/schema.json'
const rootType = 'GuidePageDocument'

function program(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${root}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  if (!config) throw new Error('schema: cannot read tsconfig.json')
  return ts.createProgram([`${root}src/output/schema-types.ts`], config.options)
}

/** The schema, walked from the type checker's view of `GuidePageDocument`. */
export function guidePageSchema(): Schema {
  const built = program()
  const checker = built.getTypeChecker()
  const main = built.getSourceFile(`${root}src/output/schema-types.ts`)
  const alias = main?.statements.find(
    (node): node is ts.TypeAliasDeclaration =>
      ts.isTypeAliasDeclaration(node) && node.name.text === rootType,
  )
  if (!alias) throw new Error(`schema: no type ${rootType}`)

  const defs: Record<string, Schema> = {}
  const names = new Map<ts.Type, string>()
  const taken = new Set<string>()

  const describe = (symbol: ts.Symbol | undefined, schema: Schema): Schema => {
    const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)) : ''
    return text ? { description: text.replace(/\s+/g, ' ').trim(), ...schema } : schema
  }

  /** A named type (an interface, or an alias of a union) becomes a `$defs` entry. */
  const nameOf = (type: ts.Type): string | undefined => {
    const symbol = type.aliasSymbol ?? (type.flags & ts.TypeFlags.Object ? type.symbol : undefined)
    if (!symbol || symbol.name.startsWith('__')) return undefined
    if (!type.aliasSymbol && !(symbol.flags & ts.SymbolFlags.Interface)) return undefined
    if (checker.isArrayType(type)) return undefined
    let name = names.get(type)
    if (name !== undefined) return name
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? ''
    const scope = /@types\/([^/]+)\//.exec(file)?.[1] ?? 'guide'
    name = taken.has(symbol.name) ? `${scope}-${symbol.name}` : symbol.name
    if (taken.has(name)) throw new Error(`schema: two types named ${name}`)
    taken.add(name)
    names.set(type, name)
    return name
  }

  const convert = (type: ts.Type): Schema => {
    const name = nameOf(type)
    if (name === undefined) return structure(type)
    if (!(name in defs)) {
      defs[name] = {}
      defs[name] = describe(type.aliasSymbol ?? type.symbol, structure(type))
    }
    return { $ref: `#/$defs/${name}` }
  }

  const structure = (type: ts.Type): Schema => {
    if (type.isUnion()) {
      const members = type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined))
      if (members.every((member) => member.flags & ts.TypeFlags.BooleanLiteral)) {
        return members.length === 2 ? { type: 'boolean' } : structure(members[0]!)
      }
      if (members.length === 1) return convert(members[0]!)
      const literals = members.filter((member) => member.isLiteral())
      if (literals.length === members.length) {
        return { enum: literals.map((member) => (member as ts.LiteralType).value) }
      }
      return { anyOf: members.map(convert) }
    }
    if (type.isStringLiteral() || type.isNumberLiteral()) return { const: type.value }
    if (type.flags & ts.TypeFlags.BooleanLiteral) {
      return { const: checker.typeToString(type) === 'true' }
    }
    if (type.flags & ts.TypeFlags.String) return { type: 'string' }
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' }
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' }
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' }
    if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return {}
    if (checker.isArrayType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference)
      return { type: 'array', items: item ? convert(item) : {} }
    }
    if (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) {
      const properties: Record<string, Schema> = {}
      const required: string[] = []
      for (const property of checker.getPropertiesOfType(type)) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0]
        if (!declaration) continue
        properties[property.name] = describe(
          property,
          convert(checker.getTypeOfSymbolAtLocation(property, declaration)),
        )
        if (!(property.flags & ts.SymbolFlags.Optional)) required.push(property.name)
      }
      return {
        type: 'object',
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: false,
      }
    }
    throw new Error(`schema: cannot describe the type ${checker.typeToString(type)}`)
  }

  const body = structure(checker.getTypeAtLocation(alias.name))
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId,
    title: 'A page of a guide: an mdast tree with section, figure, emoji and admonition nodes',
    ...body,
    $defs: defs,
  }
}
