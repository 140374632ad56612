import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import nextConfig from '../next.config'
import openapi from '../public/openapi.json'
import { dateTimeSchema } from '@/schemas/common'
import { createNoteSchema, noteListQuerySchema, updateNoteSchema } from '@/schemas/note.schema'

// public/openapi.json is the published contract, and the Zod schemas are what the app enforces:
// strata writes both from strata.toml, and these tests check that they say the same thing.
// Hand edit: our API gateway publishes this document too.

type JsonSchema = { [key: string]: unknown }
type Parameter = { name: string; in: string; schema: JsonSchema }

const document = openapi as unknown as {
  paths: Record<string, Record<string, unknown>>
  components: {
    schemas: Record<string, JsonSchema>
    parameters: Record<string, Parameter>
  }
}

/** A JSON Schema without its `$schema` line, which the document's components leave out. */
function withoutDialect(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'))
}

const dateTimeText = withoutDialect(z.toJSONSchema(dateTimeSchema, { io: 'input' }))

/**
 * What a Zod schema accepts, as JSON Schema, with its shared definitions named as the document's
 * components. Bodies are compared as the client writes them (`input`); query parameters as what
 * their text means once parsed (`output`), which is how OpenAPI describes a parameter, with a
 * parsed Date written back as the date-time text it came from.
 */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const jsonSchema = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: (context) => {
      if (context.zodSchema._zod.def.type === 'date') {
        Object.assign(context.jsonSchema, dateTimeText)
      }
    },
  })
  const named = JSON.stringify(withoutDialect(jsonSchema)).replaceAll(
    '"#/$defs/',
    '"#/components/schemas/',
  )
  const { $defs, ...rest } = JSON.parse(named) as JsonSchema & {
    $defs?: Record<string, JsonSchema>
  }
  for (const [name, definition] of Object.entries($defs ?? {})) {
    expect(definition).toEqual(document.components.schemas[name])
  }
  return rest
}

/** Each documented body is what its Zod schema accepts from a client. */
function expectBody(name: string, schema: z.ZodType): void {
  expect(jsonSchemaOf(schema, 'input')).toEqual(document.components.schemas[name])
}

/** The query parameters of an operation, references resolved, by name. */
function queryParameters(path: string): Record<string, JsonSchema> {
  const operation = document.paths[path]?.get as { parameters: ({ $ref: string } | Parameter)[] }
  const parameters = operation.parameters.map((parameter) =>
    '$ref' in parameter
      ? document.components.parameters[parameter.$ref.split('/').pop() ?? '']
      : parameter,
  )
  return Object.fromEntries(
    parameters
      .filter((parameter): parameter is Parameter => parameter?.in === 'query')
      .map((parameter) => [parameter.name, parameter.schema]),
  )
}

/** Each documented query parameter is what the list's Zod schema parses it into. */
function expectQuery(path: string, schema: z.ZodObject): void {
  const parsed = jsonSchemaOf(schema, 'output') as { properties: Record<string, JsonSchema> }
  expect(parsed.properties).toEqual(queryParameters(path))
}

describe('the bodies of public/openapi.json', () => {
  it('CreateNote', () => {
    expectBody('CreateNote', createNoteSchema)
  })
  it('UpdateNote', () => {
    expectBody('UpdateNote', updateNoteSchema)
  })
})

describe('the query parameters of public/openapi.json', () => {
  it('GET /api/notes', () => {
    expectQuery('/api/notes', noteListQuerySchema)
  })
})

describe('methods', () => {
  it('every route names the methods it answers in Allow, as the document lists them', async () => {
    const headers = (await nextConfig.headers?.()) ?? []
    const allowed = (path: string) =>
      headers
        .find((rule) => rule.source === path.replace(/\{(\w+)\}/g, ':$1'))
        ?.headers.find((header) => header.key === 'Allow')?.value
    for (const [path, item] of Object.entries(document.paths)) {
      const methods = Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => method.toUpperCase())
      if (methods.includes('GET')) {
        methods.push('HEAD')
      }
      expect(allowed(path), path).toBe([...methods, 'OPTIONS'].sort().join(', '))
    }
  })
})
