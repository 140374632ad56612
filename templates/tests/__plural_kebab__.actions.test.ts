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
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Action", "delete" ~ n.pascal ~ "Action", "update" ~ n.pascal ~ "Action"], close="} from '@/app/" ~ n.plural_kebab ~ "/actions'", padded=true) ]]
import type { [[ n.pascal ]] } from '@/dal'
[% if auth %]
import { ForbiddenError, ServiceError, UnauthorizedError } from '@/lib/errors'
import { [[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]] } from '@/lib/utils/auth'
import { authenticateToken } from '@/services/auth.service'
[% else %]
import { ServiceError } from '@/lib/errors'
[% endif %]
[[ wrap(open="import {", items=["get" ~ n.pascal, "get" ~ n.pascal ~ "Count", "list" ~ n.pascal ~ "Choices" if resource.choices else "", "list" ~ n.plural_pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
import type { FormState } from '@/types'
[[ wrap(open="import {", items=[n.camel ~ "Body", "create" ~ n.pascal ~ "Row"], close="} from './factories/" ~ n.kebab ~ "'", padded=true) ]]
[% if auth and t.form_callers %]
import { MISSING_ID, formOf, resetDatabase, signUp, type TestUser } from './helpers'
[% elif auth %]
import { formOf, resetDatabase, signUp, type TestUser } from './helpers'
[% else %]
import { MISSING_ID, formOf, resetDatabase } from './helpers'
[% endif %]
import { request } from './request'

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
  users = {
[% for actor in t.actors %]
[% if actor == "owner" or actor == "other" %]
    [[ actor ]]: await signUp(),
[% else %]
    [[ actor ]]: await signUp('[[ actor ]]'),
[% endif %]
[% endfor %]
  }
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

/** Who owns the rows a form points at: the caller, who may read them (anonymous: anyone). */
function referencedOwner(actor: CallerName): string {
  return actor === 'anonymous' ? users.[[ t.row_owner ]].id : users[actor].id
}
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
[[ wrap(open="async function call(", items=["action: string", "actor: CallerName", "row: " ~ n.pascal], close="): Promise<number> {") ]]
  signInAs(actor)
  const caller = actor === 'anonymous' ? null : await authenticateToken(users[actor].token)
[% else %]
[[ wrap(open="async function call(", items=["action: string", "row: " ~ n.pascal], close="): Promise<number> {") ]]
[% endif %]
  switch (action) {
    case 'list':
      [[ arrow_call(head="return loaded", body="list" ~ n.plural_pascal ~ "(" ~ ("caller, " if auth else "") ~ "{ limit: 100, sort: '-createdAt' })", indent=6) ]]
    case 'read':
      return loaded(() => get[[ n.pascal ]]([[ "caller, " if auth else "" ]]row.id))
    case 'create': {
[% if t.body_needs_owner %]
      const form = formOf(await [[ n.camel ]]Body(2, referencedOwner(actor)))
[% else %]
      const form = formOf(await [[ n.camel ]]Body(2))
[% endif %]
      [[ wrap(open="return outcome(", items=["create" ~ n.pascal ~ "Action(undefined, form)", "201"], close=")", indent=6) ]]
    }
    case 'update':
      [[ wrap(open="return outcome(", items=["update" ~ n.pascal ~ "Action(row.id, undefined, formOf({}))", "200"], close=")", indent=6) ]]
    default:
      [[ wrap(open="return outcome(", items=["delete" ~ n.pascal ~ "Action(row.id, undefined, formOf({}))", "204"], close=")", indent=6) ]]
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
      [[ arrow_call(head="const count = await loaded", body="get" ~ n.pascal ~ "Count(caller)", indent=6) ]]
      expect(count).toBe(status)
[% if resource.choices %]
      const choices = await list[[ n.pascal ]]Choices(caller)
      expect(choices.options.some((option) => option.value === row.id)).toBe(sees)
[% endif %]
      if (status === 200) {
        [[ hug(lead="const page = await ", call="list" ~ n.plural_pascal ~ "(caller, { limit: 100, sort: '-createdAt' })", indent=8) ]]
        expect(page.data.some((item) => item.id === row.id)).toBe(sees)
        [[ wrap(open="expect(await get" ~ n.pascal ~ "Count(caller)).toBe(", items=["page.data.length"], close=")", indent=8) ]]
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
    [[ wrap(open="expect(created).toMatch(", items=["/^redirect to \\/" ~ n.plural_kebab ~ "\\/[\\w-]+\\?notice=created$/"], close=")", indent=4) ]]
    const id = /\/([\w-]+)\?notice=created$/.exec(String(created))?.[1] ?? ''
    expect((await get[[ n.pascal ]]([[ who ]]id)).id).toBe(id)

    const changes = formOf(await [[ n.camel ]]Body(2[[ body_arg ]]))
    [[ assign(lhs="const updated =", head="update" ~ n.pascal ~ "Action", args=["id", "undefined", "changes"], indent=4) ]]
    [[ wrap(open="await expect(updated).rejects.toThrow(", items=["`redirect to /" ~ n.plural_kebab ~ "/${id}?notice=updated`"], close=")", indent=4) ]]
    [[ assign(lhs="const deleted =", head="delete" ~ n.pascal ~ "Action", args=["id", "undefined", "formOf({})"], indent=4) ]]
    [[ wrap(open="await expect(deleted).rejects.toThrow(", items=["'redirect to /" ~ n.plural_kebab ~ "?notice=deleted'"], close=")", indent=4) ]]
    [[ wrap(open="await expect(get" ~ n.pascal ~ "(" ~ who ~ "id)).rejects.toThrow(", items=["NOT_FOUND"], close=")", indent=4) ]]
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
    [[ wrap(open="expect(created).toMatch(", items=["/^redirect to \\/" ~ n.plural_kebab ~ "\\/[\\w-]+\\?notice=created$/"], close=")", indent=4) ]]
    const id = /\/([\w-]+)\?notice=created$/.exec(String(created))?.[1] ?? ''
    const reader = await authenticateToken(users.[[ s.read ]].token)
    expect((await get[[ n.pascal ]](reader, id)).id).toBe(id)

    signInAs('[[ s.update ]]')
    const changes = formOf(await [[ n.camel ]]Body(2[[ body_arg ]]))
    [[ assign(lhs="const updated =", head="update" ~ n.pascal ~ "Action", args=["id", "undefined", "changes"], indent=4) ]]
    [[ wrap(open="await expect(updated).rejects.toThrow(", items=["`redirect to /" ~ n.plural_kebab ~ "/${id}?notice=updated`"], close=")", indent=4) ]]
    signInAs('[[ s.delete ]]')
    [[ assign(lhs="const deleted =", head="delete" ~ n.pascal ~ "Action", args=["id", "undefined", "formOf({})"], indent=4) ]]
    [[ wrap(open="await expect(deleted).rejects.toThrow(", items=["'redirect to /" ~ n.plural_kebab ~ "?notice=deleted'"], close=")", indent=4) ]]
    [[ wrap(open="await expect(get" ~ n.pascal ~ "(reader, id)).rejects.toThrow(", items=["NOT_FOUND"], close=")", indent=4) ]]
  })
[% endif %]
[% if t.form_callers %]
[% set f = t.form_callers %]

  it('answer invalid forms with field errors and what was typed', async () => {
[% if auth %]
    signInAs('[[ f.create ]]')
[% endif %]
[% if t.requires_input %]
    [[ assign(lhs="const empty =", head="await create" ~ n.pascal ~ "Action", args=["undefined", "formOf({})"], indent=4) ]]
    expect(Object.keys(empty?.errors ?? {}).length).toBeGreaterThan(0)
[% endif %]
[% if t.form_invalid %]
    const body = await [[ n.camel ]]Body(1[[ body_arg ]])
    const form = formOf({ ...body, [[ t.form_invalid[0] ]]: [[ t.form_invalid[1] ]] })
    const invalid = await create[[ n.pascal ]]Action(undefined, form)
    expect(invalid?.errors?.[[ t.form_invalid[0] ]]).toBeDefined()
    [[ wrap(open="expect(invalid?.values?." ~ t.form_invalid[0] ~ ").toBe(", items=["form.get('" ~ t.form_invalid[0] ~ "')"], close=")", indent=4) ]]
[% endif %]
[% if t.nul_text %]
    [[ wrap(open="const withNul = {", items=["...(await " ~ n.camel ~ "Body(2" ~ body_arg ~ "))", t.nul_text ~ ": 'a\\u0000b'"], close="}", indent=4, padded=true) ]]
    [[ assign(lhs="const nul =", head="await create" ~ n.pascal ~ "Action", args=["undefined", "formOf(withNul)"], indent=4) ]]
    expect(nul?.errors?.[[ t.nul_text ]]).toBeDefined()
[% endif %]
[% if auth and f.update != f.create %]
    signInAs('[[ f.update ]]')
[% endif %]
    [[ assign(lhs="const missing =", head="await update" ~ n.pascal ~ "Action", args=["MISSING_ID", "undefined", "formOf({})"], indent=4) ]]
    expect(missing?.message).toBe(NOT_FOUND)
[% if auth and f.delete != f.update %]
    signInAs('[[ f.delete ]]')
[% endif %]
    [[ assign(lhs="const malformed =", head="await delete" ~ n.pascal ~ "Action", args=["'not-a-uuid'", "undefined", "formOf({})"], indent=4) ]]
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
    [[ hug(lead="const page = await ", call="list" ~ n.plural_pascal ~ "(" ~ who ~ "{ limit: 100, sort: '-createdAt' })", indent=4) ]]
    expect(page.data).toEqual([])
  })
[% endif %]
})
[% endif %]
