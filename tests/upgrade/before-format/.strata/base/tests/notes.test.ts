import { beforeEach, describe, expect, it } from 'vitest'
import { DELETE, GET as read, PATCH } from '@/app/api/notes/[id]/route'
import { GET as list, POST } from '@/app/api/notes/route'
import type { Note } from '@/dal'
import type { Paginated } from '@/types'
import { noteBody, createNoteRow } from './factories/note'
import { MISSING_ID, apiRequest, pick, readProblem, resetDatabase, routeParams } from './helpers'

type CallerName = 'anonymous'

type Case = { action: string; actor: CallerName; status: number; sees: boolean }

/** The access rules of `note` in strata.toml, as the status each caller gets. */
const cases: Case[] = [
  { action: 'list', actor: 'anonymous', status: 200, sees: true },
  { action: 'read', actor: 'anonymous', status: 200, sees: true },
  { action: 'create', actor: 'anonymous', status: 201, sees: true },
  { action: 'update', actor: 'anonymous', status: 200, sees: true },
  { action: 'delete', actor: 'anonymous', status: 204, sees: true },
]

const PUBLIC_KEYS = ['body']
const PRIVATE_KEYS: string[] = []

beforeEach(async () => {
  await resetDatabase()
})

async function call(action: string, row: Note): Promise<Response> {
  const path = `/api/notes/${row.id}`
  const body = await noteBody(2)
  switch (action) {
    case 'list':
      return list(apiRequest('GET', '/api/notes?limit=100'))
    case 'read':
      return read(apiRequest('GET', path), routeParams(row.id))
    case 'create':
      return POST(apiRequest('POST', '/api/notes', { body }))
    case 'update':
      return PATCH(apiRequest('PATCH', path, { body: {} }), routeParams(row.id))
    default:
      return DELETE(apiRequest('DELETE', path), routeParams(row.id))
  }
}

describe('notes: access', () => {
  it.each(cases)('$action as $actor is $status', async ({ action, status, sees }) => {
    const row = await createNoteRow(1)
    const response = await call(action, row)
    expect(response.status).toBe(status)
    if (action === 'list' && status === 200) {
      const page = (await response.json()) as Paginated<Note>
      expect(page.data.some((item) => item.id === row.id)).toBe(sees)
    }
  })
})

describe('notes', () => {
  it('creates, reads, updates, lists and deletes', async () => {
    const body = await noteBody(1)
    const created = await POST(apiRequest('POST', '/api/notes', { body }))
    expect(created.status).toBe(201)
    const saved = (await created.json()) as Note
    expect(created.headers.get('location')).toBe(`/api/notes/${saved.id}`)
    expect(saved).toMatchObject(pick(body, PUBLIC_KEYS))
    for (const key of PRIVATE_KEYS) {
      expect(saved).not.toHaveProperty(key)
    }

    const id = saved.id
    const path = `/api/notes/${id}`
    const found = await read(apiRequest('GET', path), routeParams(id))
    expect(found.status).toBe(200)
    expect(await found.json()).toEqual(saved)

    const changes = await noteBody(2)
    const updated = await PATCH(apiRequest('PATCH', path, { body: changes }), routeParams(id))
    expect(updated.status).toBe(200)
    expect(await updated.json()).toMatchObject(pick(changes, PUBLIC_KEYS))

    const listed = await list(apiRequest('GET', '/api/notes?limit=100'))
    const page = (await listed.json()) as Paginated<Note>
    expect(page.data.map((item) => item.id)).toContain(id)

    const deleted = await DELETE(apiRequest('DELETE', path), routeParams(id))
    expect(deleted.status).toBe(204)
    const gone = await read(apiRequest('GET', path), routeParams(id))
    expect(gone.status).toBe(404)
  })

  it('answers bad input with problem details, never a 500', async () => {
    const body = await noteBody(1)
    const create = (payload: Partial<{ body: unknown; rawBody: string }>) =>
      POST(apiRequest('POST', '/api/notes', { ...payload }))

    const malformed = await create({ rawBody: '{"oops"' })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')

    const unknownKey = await create({ body: { ...body, unexpected: true } })
    expect(unknownKey.status).toBe(422)
    const serverOwned = await create({ body: { ...body, id: MISSING_ID, createdAt: '2024-01-01' } })
    expect(serverOwned.status).toBe(422)

    const empty = await create({ body: {} })
    expect(empty.status).toBe(422)
    expect((await readProblem(empty)).issues?.length).toBeGreaterThan(0)

    const invalid = await create({ body: { ...body, body: 12345 } })
    expect(invalid.status).toBe(422)
    const problem = await readProblem(invalid)
    expect(problem.issues?.map((issue) => issue.path[0])).toContain('body')

    // PostgreSQL can't store a NUL character: bad input, not a 500.
    const withNul = { ...body, body: 'a\u0000b' }
    const nul = await create({ body: withNul })
    expect(nul.status).toBe(422)
    expect((await readProblem(nul)).issues).toContainEqual(
      expect.objectContaining({
        path: ['body'],
        message: 'Text cannot contain the NUL character.',
      }),
    )

    const badId = await read(apiRequest('GET', '/api/notes/not-a-uuid'), routeParams('not-a-uuid'))
    expect(badId.status).toBe(404)
    const missing = await read(
      apiRequest('GET', `/api/notes/${MISSING_ID}`),
      routeParams(MISSING_ID),
    )
    expect(missing.status).toBe(404)

    const badQueries = ['limit=0', 'limit=101', 'sort=nope', 'cursor=garbage', 'unknown=1']
    for (const query of badQueries) {
      const response = await list(apiRequest('GET', `/api/notes?${query}`))
      expect(response.status, query).toBe(422)
    }
  })

  it('pages through the list with a cursor, in either order', async () => {
    const rows = [await createNoteRow(1), await createNoteRow(2), await createNoteRow(3)]
    const pageOf = async (query: string): Promise<Paginated<Note>> => {
      const response = await list(apiRequest('GET', `/api/notes?${query}`))
      expect(response.status).toBe(200)
      return (await response.json()) as Paginated<Note>
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
  })
})
