import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import openapi from '../public/openapi.json'
[% if app.auth.enabled %]
import { changePasswordSchema, loginSchema, registerSchema } from '@/schemas/auth.schema'
[% endif %]
import { dateTimeSchema } from '@/schemas/common'
[% if app.api != "actions" %]
[% for resource in app.resources %]
[% set n = resource.names %]
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", n.camel ~ "ListQuerySchema", "update" ~ n.pascal ~ "Schema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% endfor %]
[% endif %]
import { proxy } from '@/proxy'

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

[% set resource_routes = app.api != "actions" and app.resources %]
[% if app.auth.enabled or resource_routes %]
const bodies: [string, z.ZodType][] = [
[% if app.auth.enabled %]
  ['Registration', registerSchema],
  ['Credentials', loginSchema],
  ['PasswordChange', changePasswordSchema],
[% endif %]
[% if app.api != "actions" %]
[% for resource in app.resources %]
  ['Create[[ resource.names.pascal ]]', create[[ resource.names.pascal ]]Schema],
  ['Update[[ resource.names.pascal ]]', update[[ resource.names.pascal ]]Schema],
[% endfor %]
[% endif %]
]

[% endif %]
[% if resource_routes %]
const queries: [string, z.ZodObject][] = [
[% for resource in app.resources %]
  ['/api/[[ resource.names.plural_kebab ]]', [[ resource.names.camel ]]ListQuerySchema],
[% endfor %]
]

[% endif %]
[% if app.auth.enabled or resource_routes %]
describe('the OpenAPI document and the Zod schemas', () => {
  it.each(bodies)('%s: the documented body is what the schema accepts', (name, schema) => {
    expect(jsonSchemaOf(schema, 'input')).toEqual(document.components.schemas[name])
  })
[% if resource_routes %]

  it.each(queries)('GET %s: the query parameters mean what the schema parses', (path, schema) => {
    const parsed = jsonSchemaOf(schema, 'output') as { properties: Record<string, JsonSchema> }
    expect(parsed.properties).toEqual(queryParameters(path))
  })
[% endif %]
})

[% endif %]
describe('methods', () => {
  const paths = Object.entries(document.paths)

  it.each(paths)('%s: another method is a 405 naming its methods', async (path, item) => {
    const documented = Object.keys(item).filter((key) => key !== 'parameters')
    const url = new URL(
      path.replace('{id}', crypto.randomUUID()).replace('{provider}', 'oidc'),
      'http://localhost',
    )
    const method = ['PUT', 'PATCH', 'DELETE', 'POST'].find(
      (candidate) => !documented.includes(candidate.toLowerCase()),
    )
    const response = await proxy(new NextRequest(url, { method }))
    expect(response.status).toBe(405)
    const allow = response.headers.get('allow')?.split(', ') ?? []
    const expected = documented.map((key) => key.toUpperCase())
    if (expected.includes('GET')) {
      expected.push('HEAD')
    }
    expect(allow).toEqual([...expected, 'OPTIONS'].sort())
  })

  it.each(paths)('%s: its own methods pass through to the route handler', async (path, item) => {
    const url = new URL(
      path.replace('{id}', crypto.randomUUID()).replace('{provider}', 'oidc'),
      'http://localhost',
    )
    for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
      const response = await proxy(new NextRequest(url, { method: method.toUpperCase() }))
      expect(response.status).toBe(200)
      expect(response.headers.get('x-middleware-next')).toBe('1')
    }
  })
})
