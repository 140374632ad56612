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
[[ wrap(open="import {", items=["DELETE", "GET as read", "PATCH"], close="} from '" ~ resource.route_import ~ "/[id]/route'", padded=true) ]]
[[ wrap(open="import {", items=["GET as list", "POST"], close="} from '" ~ resource.route_import ~ "/route'", padded=true) ]]
import type { [[ n.pascal ]] } from '@/dal'
import type { Paginated } from '@/types'
[[ wrap(open="import {", items=[n.camel ~ "Body", "create" ~ n.pascal ~ "Row"], close="} from './factories/" ~ n.kebab ~ "'", padded=true) ]]
[[ wrap(open="import {", items=t.helper_imports, close="} from './helpers'", padded=true) ]]

[% if auth %]
type CallerName = 'anonymous'[% for actor in t.actors %] | '[[ actor ]]'[% endfor %]

[% else %]
type CallerName = 'anonymous'

[% endif %]
type Case = { action: string; actor: CallerName; status: number; sees: boolean }

/** The access rules of `[[ n.snake ]]` in strata.toml, as the status each caller gets. */
const cases: Case[] = [
[% for case in t.cases %]
  { action: '[[ case.action ]]', actor: '[[ case.actor ]]', status: [[ case.status ]], sees: [[ case.sees ]] },
[% endfor %]
]

[% if t.crud_actor %]
[[ wrap(open="const PUBLIC_KEYS = [", items=t.public_keys, close="]") ]]
[[ wrap(open="const PRIVATE_KEYS: string[] = [", items=t.private_keys, close="]") ]]

[% endif %]
[% if auth %]
let users: Record<Exclude<CallerName, 'anonymous'>, TestUser>

beforeEach(async () => {
  await resetDatabase()
  users = {
[% for actor in t.actors %]
[% if actor == "owner" or actor == "other" %]
    [[ actor ]]: await signUp(),
[% else %]
    [[ actor ]]: await signUp('[[ actor ]]'),
[% endif %]
[% endfor %]
  }
})

function tokenOf(actor: CallerName): string | undefined {
  return actor === 'anonymous' ? undefined : users[actor].token
}
[% if t.body_needs_owner %]

/** Who owns the rows a body points at: the caller, who may read them (anonymous: anyone). */
function referencedOwner(actor: CallerName): string {
  return actor === 'anonymous' ? users.[[ t.row_owner ]].id : users[actor].id
}
[% endif %]
[% else %]
beforeEach(async () => {
  await resetDatabase()
})
[% endif %]

[% if auth %]
[[ wrap(open="async function call(", items=["action: string", "actor: CallerName", "row: " ~ n.pascal], close="): Promise<Response> {") ]]
  const token = tokenOf(actor)
[% else %]
[[ wrap(open="async function call(", items=["action: string", "row: " ~ n.pascal], close="): Promise<Response> {") ]]
[% endif %]
  const path = `/api/[[ n.plural_kebab ]]/${row.id}`
[% if t.body_needs_owner %]
  const body = await [[ n.camel ]]Body(2, referencedOwner(actor))
[% else %]
  const body = await [[ n.camel ]]Body(2)
[% endif %]
  switch (action) {
    case 'list':
      [[ wrap(open="return list(", items=["apiRequest('GET', '/api/" ~ n.plural_kebab ~ "?limit=100'" ~ only ~ ")"], close=")", indent=6) ]]
    case 'read':
      [[ wrap(open="return read(", items=["apiRequest('GET', path" ~ only ~ ")", "routeParams(row.id)"], close=")", indent=6) ]]
    case 'create':
      [[ wrap(open="return POST(", items=["apiRequest('POST', '/api/" ~ n.plural_kebab ~ "', { " ~ tk ~ "body })"], close=")", indent=6) ]]
    case 'update':
      [[ wrap(open="return PATCH(", items=["apiRequest('PATCH', path, { " ~ tk ~ "body: {} })", "routeParams(row.id)"], close=")", indent=6) ]]
    default:
      [[ wrap(open="return DELETE(", items=["apiRequest('DELETE', path" ~ only ~ ")", "routeParams(row.id)"], close=")", indent=6) ]]
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
    [[ wrap(open="const created = await POST(", items=["apiRequest('POST', '/api/" ~ n.plural_kebab ~ "', { " ~ tk ~ "body })"], close=")", indent=4) ]]
    expect(created.status).toBe(201)
    [[ declare(lhs="const saved =", value="(await created.json()) as " ~ n.pascal, indent=4) ]]
    [[ wrap(open="expect(created.headers.get('location')).toBe(", items=["`/api/" ~ n.plural_kebab ~ "/${saved.id}`"], close=")", indent=4) ]]
    expect(saved).toMatchObject(pick(body, PUBLIC_KEYS))
    for (const key of PRIVATE_KEYS) {
      expect(saved).not.toHaveProperty(key)
    }

    const id = saved.id
    const path = `/api/[[ n.plural_kebab ]]/${id}`
    [[ wrap(open="const found = await read(", items=["apiRequest('GET', path" ~ only ~ ")", "routeParams(id)"], close=")", indent=4) ]]
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual(saved)

    const changes = await [[ n.camel ]]Body(2[[ body_arg ]])
    [[ wrap(open="const updated = await PATCH(", items=["apiRequest('PATCH', path, { " ~ tk ~ "body: changes })", "routeParams(id)"], close=")", indent=4) ]]
    expect(updated.status).toBe(200)
    expect(await updated.json()).toMatchObject(pick(changes, PUBLIC_KEYS))

    [[ wrap(open="const listed = await list(", items=["apiRequest('GET', '/api/" ~ n.plural_kebab ~ "?limit=100'" ~ only ~ ")"], close=")", indent=4) ]]
    const page = (await listed.json()) as Paginated<[[ n.pascal ]]>
    expect(page.data.map((item) => item.id)).toContain(id)

    [[ wrap(open="const deleted = await DELETE(", items=["apiRequest('DELETE', path" ~ only ~ ")", "routeParams(id)"], close=")", indent=4) ]]
    expect(deleted.status).toBe(204)
    [[ wrap(open="const gone = await read(", items=["apiRequest('GET', path" ~ only ~ ")", "routeParams(id)"], close=")", indent=4) ]]
    expect(gone.status).toBe(404)
  })

[% endif %]
[% if t.crud_steps %]
[% set s = t.crud_steps %]
  // Nobody may do everything: each step is taken by a caller the rules allow it.
  it('creates, reads, updates, lists and deletes, each as a caller allowed to', async () => {
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    [[ wrap(open="const created = await POST(", items=["apiRequest('POST', '/api/" ~ n.plural_kebab ~ "', { token: tokenOf('" ~ s.create ~ "'), body })"], close=")", indent=4) ]]
    expect(created.status).toBe(201)
    [[ declare(lhs="const saved =", value="(await created.json()) as " ~ n.pascal, indent=4) ]]
    const id = saved.id
    const path = `/api/[[ n.plural_kebab ]]/${id}`

    [[ wrap(open="const found = await read(", items=["apiRequest('GET', path, { token: tokenOf('" ~ s.read ~ "') })", "routeParams(id)"], close=")", indent=4) ]]
    expect(found.status).toBe(200)
    const changes = await [[ n.camel ]]Body(2[[ body_arg ]])
    [[ wrap(open="const updated = await PATCH(", items=["apiRequest('PATCH', path, { token: tokenOf('" ~ s.update ~ "'), body: changes })", "routeParams(id)"], close=")", indent=4) ]]
    expect(updated.status).toBe(200)
    [[ wrap(open="const listed = await list(", items=["apiRequest('GET', '/api/" ~ n.plural_kebab ~ "?limit=100', { token: tokenOf('" ~ s.list ~ "') })"], close=")", indent=4) ]]
    const page = (await listed.json()) as Paginated<[[ n.pascal ]]>
    expect(page.data.map((item) => item.id)).toContain(id)
    [[ wrap(open="const deleted = await DELETE(", items=["apiRequest('DELETE', path, { token: tokenOf('" ~ s.delete ~ "') })", "routeParams(id)"], close=")", indent=4) ]]
    expect(deleted.status).toBe(204)
    [[ wrap(open="const gone = await read(", items=["apiRequest('GET', path, { token: tokenOf('" ~ s.read ~ "') })", "routeParams(id)"], close=")", indent=4) ]]
    expect(gone.status).toBe(404)
  })

[% endif %]
  it('answers bad input with problem details, never a 500', async () => {
[% if auth %]
    const token = tokenOf('[[ writer ]]')
[% endif %]
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const create = (payload: Partial<{ body: unknown; rawBody: string }>) =>
      [[ hug(call="POST(apiRequest('POST', '/api/" ~ n.plural_kebab ~ "', { " ~ tk ~ "...payload }))", indent=6) ]]

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

    [[ hug(lead="const invalid = await ", call="create({ body: { ...body, " ~ t.invalid[0] ~ ": " ~ t.invalid[1] ~ " } })", indent=4) ]]
    expect(invalid.status).toBe(422)
    const problem = await readProblem(invalid)
    [[ wrap(open="expect(problem.issues?.map((issue) => issue.path[0])).toContain(", items=["'" ~ t.invalid[0] ~ "'"], close=")", indent=4) ]]
[% endif %]
[% if t.nul_text %]

    // PostgreSQL can't store a NUL character: bad input, not a 500.
    [[ wrap(open="const withNul = {", items=["...body", t.nul_text ~ ": 'a\\u0000b'"], close="}", indent=4, padded=true) ]]
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

    [[ hug(lead="const dangling = await ", call="create({ body: { ...body, " ~ t.missing_ref ~ ": MISSING_ID } })", indent=4) ]]
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

    [[ wrap(open="const badId = await read(", items=["apiRequest('GET', '/api/" ~ n.plural_kebab ~ "/not-a-uuid'" ~ only ~ ")", "routeParams('not-a-uuid')"], close=")", indent=4) ]]
    expect(badId.status).toBe(404)
    [[ wrap(open="const missing = await read(", items=["apiRequest('GET', `/api/" ~ n.plural_kebab ~ "/${MISSING_ID}`" ~ only ~ ")", "routeParams(MISSING_ID)"], close=")", indent=4) ]]
    expect(missing.status).toBe(404)

    [[ wrap(open="const badQueries = [", items=["'limit=0'", "'limit=101'", "'sort=nope'", "'cursor=garbage'", "'unknown=1'", "'" ~ t.nul_filter ~ "=a%00b'" if t.nul_filter else ""], close="]", indent=4) ]]
    for (const query of badQueries) {
      [[ wrap(open="const response = await list(", items=["apiRequest('GET', `/api/" ~ n.plural_kebab ~ "?${query}`" ~ only ~ ")"], close=")", indent=6) ]]
      expect(response.status, query).toBe(422)
    }
  })

  it('pages through the list with a cursor, in either order', async () => {
[% if auth %]
    const token = tokenOf('[[ writer ]]')
[% endif %]
    [[ wrap(open="const rows = [", items=["await create" ~ n.pascal ~ "Row(1" ~ owner_arg ~ ")", "await create" ~ n.pascal ~ "Row(2" ~ owner_arg ~ ")", "await create" ~ n.pascal ~ "Row(3" ~ owner_arg ~ ")"], close="]", indent=4) ]]
    [[ wrap(open="const pageOf = async (", items=["query: string"], close="): Promise<Paginated<" ~ n.pascal ~ ">> => {", indent=4) ]]
      [[ wrap(open="const response = await list(", items=["apiRequest('GET', `/api/" ~ n.plural_kebab ~ "?${query}`" ~ only ~ ")"], close=")", indent=6) ]]
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
    [[ assign(lhs="const rest =", head="await pageOf", args=["`limit=2&sort=-" ~ t.sort_probe ~ "&cursor=${byField.nextCursor}`"], indent=4) ]]
    const seen = [...byField.data, ...rest.data].map((item) => item.id)
    expect(new Set(seen)).toEqual(new Set(rows.map((row) => row.id)))
[% endif %]
[% if t.filter %]

    const value = String(rows[0].[[ t.filter ]])
    [[ assign(lhs="const filtered =", head="await pageOf", args=["`" ~ t.filter ~ "=${encodeURIComponent(value)}`"], indent=4) ]]
    expect(filtered.data.map((item) => item.id)).toContain(rows[0].id)
    [[ wrap(open="expect(", items=["filtered.data.every((item) => String(item." ~ t.filter ~ ") === value)"], close=").toBe(true)", indent=4) ]]
[% endif %]
  })
})
[% endif %]
