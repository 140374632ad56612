[% set n = resource.names %]
[% set t = resource.tests %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set tk = "token, " %]
[% set only = ", { token }" %]
[% else %]
[% set tk = "" %]
[% set only = "" %]
[% endif %]
[% if t.needs_owner %]
[% set owner_arg = ", users." ~ t.row_owner ~ ".id" %]
[% else %]
[% set owner_arg = "" %]
[% endif %]
[% if t.body_needs_owner %]
[% set body_arg = ", users." ~ t.row_owner ~ ".id" %]
[% else %]
[% set body_arg = "" %]
[% endif %]
import { beforeEach, describe, expect, it } from 'vitest'
import { DELETE, GET as read, PATCH } from '[[ resource.route_import ]]/[id]/route'
import { GET as list, POST } from '[[ resource.route_import ]]/route'
import type { [[ n.pascal ]] } from '@/dal'
import type { Paginated } from '@/types'
import { [[ n.camel ]]Body, create[[ n.pascal ]]Row } from './factories/[[ n.kebab ]]'
import { [[ t.helper_imports | join(sep=", ") ]] } from './helpers'

[[ <tests.access_cases n t auth /> ]]

[% if t.crud_actor %]
const PUBLIC_KEYS = [[ t.public_keys ]]
const PRIVATE_KEYS: string[] = [[ t.private_keys ]]

[% endif %]
[% if auth %]
let users: Record<Exclude<CallerName, 'anonymous'>, TestUser>

beforeEach(async () => {
  await resetDatabase()
  [[ <tests.sign_up_callers t /> ]]
})

function tokenOf(actor: CallerName): string | undefined {
  return actor === 'anonymous' ? undefined : users[actor].token
}
[% if t.body_needs_owner %]

[[ <tests.referenced_owner t sent="body" /> ]]
[% endif %]
[% else %]
beforeEach(async () => {
  await resetDatabase()
})
[% endif %]

[% if auth %]
async function call(action: string, actor: CallerName, row: [[ n.pascal ]]): Promise<Response> {
  const token = tokenOf(actor)
[% else %]
async function call(action: string, row: [[ n.pascal ]]): Promise<Response> {
[% endif %]
  const path = `/api/[[ n.plural_kebab ]]/${row.id}`
[% if t.body_needs_owner %]
  const body = await [[ n.camel ]]Body(2, referencedOwner(actor))
[% else %]
  const body = await [[ n.camel ]]Body(2)
[% endif %]
  switch (action) {
    case 'list':
      return list(apiRequest('GET', '/api/[[ n.plural_kebab ]]?limit=100'[[ only ]]))
    case 'read':
      return read(apiRequest('GET', path[[ only ]]), routeParams(row.id))
    case 'create':
      return POST(apiRequest('POST', '/api/[[ n.plural_kebab ]]', { [[ tk ]]body }))
    case 'update':
      return PATCH(apiRequest('PATCH', path, { [[ tk ]]body: {} }), routeParams(row.id))
    default:
      return DELETE(apiRequest('DELETE', path[[ only ]]), routeParams(row.id))
  }
}

describe('[[ n.plural_human ]]: access', () => {
[% if auth %]
  it.each(cases)('$action as $actor is $status', async ({ action, actor, status, sees }) => {
[% else %]
  it.each(cases)('$action as $actor is $status', async ({ action, status, sees }) => {
[% endif %]
    const row = await create[[ n.pascal ]]Row(1[[ owner_arg ]])
[% if auth %]
    const response = await call(action, actor, row)
[% else %]
    const response = await call(action, row)
[% endif %]
    expect(response.status).toBe(status)
    if (action === 'list' && status === 200) {
      const page = (await response.json()) as Paginated<[[ n.pascal ]]>
      expect(page.data.some((item) => item.id === row.id)).toBe(sees)
    }
  })
})
[% if t.writer_actor %]
[% set writer = t.writer_actor %]

describe('[[ n.plural_human ]]', () => {
[% if t.crud_actor %]
[% set crud = t.crud_actor %]
  it('creates, reads, updates, lists and deletes', async () => {
[% if auth %]
    const token = tokenOf('[[ crud ]]')
[% endif %]
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const created = await POST(apiRequest('POST', '/api/[[ n.plural_kebab ]]', { [[ tk ]]body }))
    expect(created.status).toBe(201)
    const saved = (await created.json()) as [[ n.pascal ]]
    expect(created.headers.get('location')).toBe(`/api/[[ n.plural_kebab ]]/${saved.id}`)
    expect(saved).toMatchObject(pick(body, PUBLIC_KEYS))
    for (const key of PRIVATE_KEYS) {
      expect(saved).not.toHaveProperty(key)
    }

    const id = saved.id
    const path = `/api/[[ n.plural_kebab ]]/${id}`
    const found = await read(apiRequest('GET', path[[ only ]]), routeParams(id))
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual(saved)

    const changes = await [[ n.camel ]]Body(2[[ body_arg ]])
    const updated = await PATCH(apiRequest('PATCH', path, { [[ tk ]]body: changes }), routeParams(id))
    expect(updated.status).toBe(200)
    expect(await updated.json()).toMatchObject(pick(changes, PUBLIC_KEYS))

    const listed = await list(apiRequest('GET', '/api/[[ n.plural_kebab ]]?limit=100'[[ only ]]))
    const page = (await listed.json()) as Paginated<[[ n.pascal ]]>
    expect(page.data.map((item) => item.id)).toContain(id)

    const deleted = await DELETE(apiRequest('DELETE', path[[ only ]]), routeParams(id))
    expect(deleted.status).toBe(204)
    const gone = await read(apiRequest('GET', path[[ only ]]), routeParams(id))
    expect(gone.status).toBe(404)
  })

[% endif %]
[% if t.crud_steps %]
[% set s = t.crud_steps %]
  // Nobody may do everything: each step is taken by a caller the rules allow it.
  it('creates, reads, updates, lists and deletes, each as a caller allowed to', async () => {
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const created = await POST(apiRequest('POST', '/api/[[ n.plural_kebab ]]', { token: tokenOf('[[ s.create ]]'), body }))
    expect(created.status).toBe(201)
    const saved = (await created.json()) as [[ n.pascal ]]
    const id = saved.id
    const path = `/api/[[ n.plural_kebab ]]/${id}`

    const found = await read(apiRequest('GET', path, { token: tokenOf('[[ s.read ]]') }), routeParams(id))
    expect(found.status).toBe(200)
    const changes = await [[ n.camel ]]Body(2[[ body_arg ]])
    const updated = await PATCH(apiRequest('PATCH', path, { token: tokenOf('[[ s.update ]]'), body: changes }), routeParams(id))
    expect(updated.status).toBe(200)
    const listed = await list(apiRequest('GET', '/api/[[ n.plural_kebab ]]?limit=100', { token: tokenOf('[[ s.list ]]') }))
    const page = (await listed.json()) as Paginated<[[ n.pascal ]]>
    expect(page.data.map((item) => item.id)).toContain(id)
    const deleted = await DELETE(apiRequest('DELETE', path, { token: tokenOf('[[ s.delete ]]') }), routeParams(id))
    expect(deleted.status).toBe(204)
    const gone = await read(apiRequest('GET', path, { token: tokenOf('[[ s.read ]]') }), routeParams(id))
    expect(gone.status).toBe(404)
  })

[% endif %]
  it('answers bad input with problem details, never a 500', async () => {
[% if auth %]
    const token = tokenOf('[[ writer ]]')
[% endif %]
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const create = (payload: Partial<{ body: unknown; rawBody: string }>) =>
      POST(apiRequest('POST', '/api/[[ n.plural_kebab ]]', { [[ tk ]]...payload }))

    const malformed = await create({ rawBody: '{"oops"' })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')

    const unknownKey = await create({ body: { ...body, unexpected: true } })
    expect(unknownKey.status).toBe(422)
    const serverOwned = await create({ body: { ...body, id: MISSING_ID, createdAt: '2024-01-01' } })
    expect(serverOwned.status).toBe(422)
[% if t.requires_input %]

    const empty = await create({ body: {} })
    expect(empty.status).toBe(422)
    expect((await readProblem(empty)).issues?.length).toBeGreaterThan(0)
[% endif %]
[% if t.invalid %]

    const invalid = await create({ body: { ...body, [[ t.invalid ]]: [[ resource.code.invalid ]] } })
    expect(invalid.status).toBe(422)
    const problem = await readProblem(invalid)
    expect(problem.issues?.map((issue) => issue.path[0])).toContain('[[ t.invalid ]]')
[% endif %]
[% if t.nul_text %]

    // PostgreSQL can't store a NUL character: bad input, not a 500.
    const withNul = { ...body, [[ t.nul_text ]]: 'a\u0000b' }
    const nul = await create({ body: withNul })
    expect(nul.status).toBe(422)
    expect((await readProblem(nul)).issues).toContainEqual(
      expect.objectContaining({
        path: ['[[ t.nul_text ]]'],
        message: 'Text cannot contain the NUL character.',
      }),
    )
[% endif %]
[% if t.missing_ref %]

    const dangling = await create({ body: { ...body, [[ t.missing_ref ]]: MISSING_ID } })
    expect(dangling.status).toBe(422)
[% endif %]
[% if t.foreign_ref %]

    // A row of someone else's that the caller may not read is as good as missing.
    const stranger = await signUp()
    const foreign = await [[ n.camel ]]Body(4, stranger.id)
    expect((await create({ body: foreign })).status).toBe(422)
[% endif %]
[% if t.unique %]

    expect((await create({ body })).status).toBe(201)
    expect((await create({ body })).status).toBe(409)
[% endif %]

    const badId = await read(apiRequest('GET', '/api/[[ n.plural_kebab ]]/not-a-uuid'[[ only ]]), routeParams('not-a-uuid'))
    expect(badId.status).toBe(404)
    const missing = await read(apiRequest('GET', `/api/[[ n.plural_kebab ]]/${MISSING_ID}`[[ only ]]), routeParams(MISSING_ID))
    expect(missing.status).toBe(404)

    const badQueries = ['limit=0', 'limit=101', 'sort=nope', 'cursor=garbage', 'unknown=1'[% if t.nul_filter %], '[[ t.nul_filter ]]=a%00b'[% endif %]]
    for (const query of badQueries) {
      const response = await list(apiRequest('GET', `/api/[[ n.plural_kebab ]]?${query}`[[ only ]]))
      expect(response.status, query).toBe(422)
    }
  })

  it('pages through the list with a cursor, in either order', async () => {
[% if auth %]
    const token = tokenOf('[[ writer ]]')
[% endif %]
    const rows = [await create[[ n.pascal ]]Row(1[[ owner_arg ]]), await create[[ n.pascal ]]Row(2[[ owner_arg ]]), await create[[ n.pascal ]]Row(3[[ owner_arg ]])]
    const pageOf = async (query: string): Promise<Paginated<[[ n.pascal ]]>> => {
      const response = await list(apiRequest('GET', `/api/[[ n.plural_kebab ]]?${query}`[[ only ]]))
      expect(response.status).toBe(200)
      return (await response.json()) as Paginated<[[ n.pascal ]]>
    }

    const first = await pageOf('limit=2&sort=createdAt')
    expect(first.data).toHaveLength(2)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await pageOf(`limit=2&sort=createdAt&cursor=${first.nextCursor}`)
    expect(second.data).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    const ascending = [...first.data, ...second.data].map((item) => item.id)
    expect(new Set(ascending)).toEqual(new Set(rows.map((row) => row.id)))

    const descending = (await pageOf('limit=10&sort=-createdAt')).data.map((item) => item.id)
    expect(descending).toEqual([...ascending].reverse())
[% if t.sort_probe %]

    const byField = await pageOf('limit=2&sort=-[[ t.sort_probe ]]')
    const rest = await pageOf(`limit=2&sort=-[[ t.sort_probe ]]&cursor=${byField.nextCursor}`)
    const seen = [...byField.data, ...rest.data].map((item) => item.id)
    expect(new Set(seen)).toEqual(new Set(rows.map((row) => row.id)))
[% endif %]
[% if t.filter %]

    const value = String(rows[0].[[ t.filter ]])
    const filtered = await pageOf(`[[ t.filter ]]=${encodeURIComponent(value)}`)
    expect(filtered.data.map((item) => item.id)).toContain(rows[0].id)
    expect(filtered.data.every((item) => String(item.[[ t.filter ]]) === value)).toBe(true)
[% endif %]
  })
})
[% endif %]
