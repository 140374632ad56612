[% set resource_routes = app.api != "actions" and app.resources %]
[% set bodies = app.auth.enabled or resource_routes %]
import { describe, expect, it } from 'vitest'
[% if bodies %]
import * as z from 'zod'
[% endif %]
import nextConfig from '../next.config'
import openapi from '../public/openapi.json'
[% if app.auth.enabled %]
import { changePasswordSchema, loginSchema, registerSchema } from '@/schemas/auth.schema'
[% endif %]
[% if bodies %]
import { dateTimeSchema } from '@/schemas/common'
[% endif %]
[% if resource_routes %]
[% for resource in app.resources %]
[% set n = resource.names %]
import { create[[ n.pascal ]]Schema, [[ n.camel ]]ListQuerySchema, update[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% endfor %]
[% endif %]

// public/openapi.json is the published contract, and the Zod schemas are what the app enforces:
// strata writes both from strata.toml, and these tests check that they say the same thing.

type JsonSchema = { [key: string]: unknown }
type Parameter = { name: string; in: string; schema: JsonSchema }

const document = openapi as unknown as {
  paths: Record<string, Record<string, unknown>>
  components: {
    schemas: Record<string, JsonSchema>
    parameters: Record<string, Parameter>
  }
}

[% if bodies %]
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

[% endif %]
[% if resource_routes %]
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

[% endif %]
[% if bodies %]
describe('the bodies of public/openapi.json', () => {
[% if app.auth.enabled %]
  it('AuthRegistration', () => {
    expectBody('AuthRegistration', registerSchema)
  })
  it('AuthCredentials', () => {
    expectBody('AuthCredentials', loginSchema)
  })
  it('AuthPasswordChange', () => {
    expectBody('AuthPasswordChange', changePasswordSchema)
  })
[% endif %]
[% if resource_routes %]
[% for resource in app.resources %]
[% set n = resource.names %]
  it('Create[[ n.pascal ]]', () => {
    expectBody('Create[[ n.pascal ]]', create[[ n.pascal ]]Schema)
  })
  it('Update[[ n.pascal ]]', () => {
    expectBody('Update[[ n.pascal ]]', update[[ n.pascal ]]Schema)
  })
[% endfor %]
[% endif %]
})

[% endif %]
[% if resource_routes %]
describe('the query parameters of public/openapi.json', () => {
[% for resource in app.resources %]
[% set n = resource.names %]
  it('GET /api/[[ n.plural_kebab ]]', () => {
    expectQuery('/api/[[ n.plural_kebab ]]', [[ n.camel ]]ListQuerySchema)
  })
[% endfor %]
})

[% endif %]
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
