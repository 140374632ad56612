[% set n = resource.names %]
[% set t = resource.tests %]
[% set auth = app.auth.enabled %]
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
[% if auth %]
[% set who = "caller, " %]
[% else %]
[% set who = "" %]
[% endif %]
import { beforeEach, describe, expect, it } from 'vitest'
import { create[[ n.pascal ]]Action, delete[[ n.pascal ]]Action, update[[ n.pascal ]]Action } from '@/app/[[ n.plural_kebab ]]/actions'
import type { [[ n.pascal ]] } from '@/dal'
[% if auth %]
import { ForbiddenError, ServiceError, UnauthorizedError } from '@/lib/errors'
import { [[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]] } from '@/lib/utils/auth'
import { authenticateToken } from '@/services/auth.service'
[% else %]
import { ServiceError } from '@/lib/errors'
[% endif %]
import { get[[ n.pascal ]], get[[ n.pascal ]]Count, [% if resource.choices %]list[[ n.pascal ]]Choices, [% endif %]list[[ n.plural_pascal ]] } from '@/services/[[ n.kebab ]].service'
import type { FormState } from '@/types'
import { [[ n.camel ]]Body, create[[ n.pascal ]]Row } from './factories/[[ n.kebab ]]'
[% if auth and t.form_callers %]
import { MISSING_ID, formOf, resetDatabase, signUp, type TestUser } from './helpers'
[% elif auth %]
import { formOf, resetDatabase, signUp, type TestUser } from './helpers'
[% else %]
import { MISSING_ID, formOf, resetDatabase } from './helpers'
[% endif %]
import { request } from './request'

[[ <tests.access_cases n t auth /> ]]

const NOT_FOUND = '[[ n.human | capitalize ]] not found.'
[% if auth %]

/** The message a refused action shows, by the status its route handler would answer. */
const refusals: Record<string, number> = {
  [new UnauthorizedError().message]: 401,
  [new ForbiddenError().message]: 403,
  [NOT_FOUND]: 404,
}

let users: Record<Exclude<CallerName, 'anonymous'>, TestUser>
[% else %]

const refusals: Record<string, number> = { [NOT_FOUND]: 404 }
[% endif %]

beforeEach(async () => {
  await resetDatabase()
  request.headers = new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' })
  request.cookies.clear()
[% if auth %]
  [[ <tests.sign_up_callers t /> ]]
[% endif %]
})
[% if auth %]

/** Signs the caller in: their session cookie goes in the jar. */
function signInAs(actor: CallerName): void {
  request.cookies.clear()
  if (actor !== 'anonymous') {
    request.cookies.set([[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]], users[actor].token)
  }
}
[% if t.body_needs_owner %]

[[ <tests.referenced_owner t sent="form" /> ]]
[% endif %]
[% endif %]

/** What an action did, as the status its route handler would answer: a redirect is a success. */
async function outcome(run: Promise<FormState>, success: number): Promise<number> {
  try {
    const state = await run
    return refusals[state?.message ?? ''] ?? 422
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('redirect to ')) {
      return success
    }
    throw error
  }
}

/** What a page's service call did, as a status. */
async function loaded(run: () => Promise<unknown>): Promise<number> {
  try {
    await run()
    return 200
  } catch (error) {
    if (error instanceof ServiceError) {
      return error.status
    }
    throw error
  }
}

[% if auth %]
async function call(action: string, actor: CallerName, row: [[ n.pascal ]]): Promise<number> {
  signInAs(actor)
  const caller = actor === 'anonymous' ? null : await authenticateToken(users[actor].token)
[% else %]
async function call(action: string, row: [[ n.pascal ]]): Promise<number> {
[% endif %]
  switch (action) {
    case 'list':
      return loaded(() => list[[ n.plural_pascal ]]([[ who ]]{ limit: 100, sort: '-createdAt' }))
    case 'read':
      return loaded(() => get[[ n.pascal ]]([[ who ]]row.id))
    case 'create': {
[% if t.body_needs_owner %]
      const form = formOf(await [[ n.camel ]]Body(2, referencedOwner(actor)))
[% else %]
      const form = formOf(await [[ n.camel ]]Body(2))
[% endif %]
      return outcome(create[[ n.pascal ]]Action(undefined, form), 201)
    }
    case 'update':
      return outcome(update[[ n.pascal ]]Action(row.id, undefined, formOf({})), 200)
    default:
      return outcome(delete[[ n.pascal ]]Action(row.id, undefined, formOf({})), 204)
  }
}

describe('[[ n.plural_human ]] pages and actions: access', () => {
[% if auth %]
  it.each(cases)('$action as $actor is $status', async ({ action, actor, status, sees }) => {
    const row = await create[[ n.pascal ]]Row(1[[ owner_arg ]])
    expect(await call(action, actor, row)).toBe(status)
    if (action === 'list') {
      const caller = actor === 'anonymous' ? null : await authenticateToken(users[actor].token)
      // The dashboard's count[[ " and a ref field's choices" if resource.choices else "" ]] answer as the list does.
      const count = await loaded(() => get[[ n.pascal ]]Count(caller))
      expect(count).toBe(status)
[% if resource.choices %]
      const choices = await list[[ n.pascal ]]Choices(caller)
      expect(choices.options.some((option) => option.value === row.id)).toBe(sees)
[% endif %]
      if (status === 200) {
        const page = await list[[ n.plural_pascal ]](caller, { limit: 100, sort: '-createdAt' })
        expect(page.data.some((item) => item.id === row.id)).toBe(sees)
        expect(await get[[ n.pascal ]]Count(caller)).toBe(page.data.length)
      }
    }
  })
[% else %]
  it.each(cases)('$action as $actor is $status', async ({ action, status }) => {
    const row = await create[[ n.pascal ]]Row(1[[ owner_arg ]])
    expect(await call(action, row)).toBe(status)
    if (action === 'list') {
      expect(await get[[ n.pascal ]]Count()).toBe(1)
[% if resource.choices %]
      const choices = await list[[ n.pascal ]]Choices()
      expect(choices.options.map((option) => option.value)).toEqual([row.id])
[% endif %]
    }
  })
[% endif %]
})
[% if t.crud_actor %]
[% set crud = t.crud_actor %]

describe('[[ n.plural_human ]] actions', () => {
  it('create, update and delete through forms, then redirect', async () => {
[% if auth %]
    signInAs('[[ crud ]]')
    const caller = await authenticateToken(users.[[ crud ]].token)
[% endif %]
    const form = formOf(await [[ n.camel ]]Body(1[[ body_arg ]]))
    const submitted = create[[ n.pascal ]]Action(undefined, form)
    const created = await submitted.catch((error: Error) => error.message)
    expect(created).toMatch(/^redirect to \/[[ n.plural_kebab ]]\/[\w-]+\?notice=created$/)
    const id = /\/([\w-]+)\?notice=created$/.exec(String(created))?.[1] ?? ''
    expect((await get[[ n.pascal ]]([[ who ]]id)).id).toBe(id)

    const changes = formOf(await [[ n.camel ]]Body(2[[ body_arg ]]))
    const updated = update[[ n.pascal ]]Action(id, undefined, changes)
    await expect(updated).rejects.toThrow(`redirect to /[[ n.plural_kebab ]]/${id}?notice=updated`)
    const deleted = delete[[ n.pascal ]]Action(id, undefined, formOf({}))
    await expect(deleted).rejects.toThrow('redirect to /[[ n.plural_kebab ]]?notice=deleted')
    await expect(get[[ n.pascal ]]([[ who ]]id)).rejects.toThrow(NOT_FOUND)
  })
[% elif t.crud_steps %]
[% set s = t.crud_steps %]

describe('[[ n.plural_human ]] actions', () => {
  // Nobody may do everything: each step is taken by a caller the rules allow it.
  it('create, update and delete through forms, each as a caller allowed to', async () => {
    signInAs('[[ s.create ]]')
    const form = formOf(await [[ n.camel ]]Body(1[[ body_arg ]]))
    const submitted = create[[ n.pascal ]]Action(undefined, form)
    const created = await submitted.catch((error: Error) => error.message)
    expect(created).toMatch(/^redirect to \/[[ n.plural_kebab ]]\/[\w-]+\?notice=created$/)
    const id = /\/([\w-]+)\?notice=created$/.exec(String(created))?.[1] ?? ''
    const reader = await authenticateToken(users.[[ s.read ]].token)
    expect((await get[[ n.pascal ]](reader, id)).id).toBe(id)

    signInAs('[[ s.update ]]')
    const changes = formOf(await [[ n.camel ]]Body(2[[ body_arg ]]))
    const updated = update[[ n.pascal ]]Action(id, undefined, changes)
    await expect(updated).rejects.toThrow(`redirect to /[[ n.plural_kebab ]]/${id}?notice=updated`)
    signInAs('[[ s.delete ]]')
    const deleted = delete[[ n.pascal ]]Action(id, undefined, formOf({}))
    await expect(deleted).rejects.toThrow('redirect to /[[ n.plural_kebab ]]?notice=deleted')
    await expect(get[[ n.pascal ]](reader, id)).rejects.toThrow(NOT_FOUND)
  })
[% endif %]
[% if t.form_callers %]
[% set f = t.form_callers %]

  it('answer invalid forms with field errors and what was typed', async () => {
[% if auth %]
    signInAs('[[ f.create ]]')
[% endif %]
[% if t.requires_input %]
    const empty = await create[[ n.pascal ]]Action(undefined, formOf({}))
    expect(Object.keys(empty?.errors ?? {}).length).toBeGreaterThan(0)
[% endif %]
[% set probe = resource.code.form_invalid %]
[% if probe %]
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const form = formOf({ ...body, [[ probe.key ]]: [[ probe.value ]] })
    const invalid = await create[[ n.pascal ]]Action(undefined, form)
    expect(invalid?.errors?.[[ probe.key ]]).toBeDefined()
    expect(invalid?.values?.[[ probe.key ]]).toBe(form.get('[[ probe.key ]]'))
[% endif %]
[% if t.nul_text %]
    const withNul = { ...(await [[ n.camel ]]Body(2[[ body_arg ]])), [[ t.nul_text ]]: 'a\u0000b' }
    const nul = await create[[ n.pascal ]]Action(undefined, formOf(withNul))
    expect(nul?.errors?.[[ t.nul_text ]]).toBeDefined()
[% endif %]
[% if auth and f.update != f.create %]
    signInAs('[[ f.update ]]')
[% endif %]
    const missing = await update[[ n.pascal ]]Action(MISSING_ID, undefined, formOf({}))
    expect(missing?.message).toBe(NOT_FOUND)
[% if auth and f.delete != f.update %]
    signInAs('[[ f.delete ]]')
[% endif %]
    const malformed = await delete[[ n.pascal ]]Action('not-a-uuid', undefined, formOf({}))
    expect(malformed?.message).toBeDefined()
  })
[% if auth %]

  it('refuse cross-site submissions', async () => {
    signInAs('[[ f.create ]]')
    const form = formOf(await [[ n.camel ]]Body(1[[ body_arg ]]))
    const crossSite: Record<string, string>[] = [
      {},
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of crossSite) {
      request.headers = new Headers({ host: 'localhost:3000', ...headers })
      const state = await create[[ n.pascal ]]Action(undefined, form)
      expect(state?.message).toMatch(/Cross-site/)
    }
    const caller = await authenticateToken(users.[[ f.list ]].token)
    const page = await list[[ n.plural_pascal ]]([[ who ]]{ limit: 100, sort: '-createdAt' })
    expect(page.data).toEqual([])
  })
[% endif %]
})
[% endif %]
