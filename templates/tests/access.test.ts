import { describe, expect, it } from 'vitest'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'
import { authorize } from '@/services/access'
import type { Caller } from '@/types'

const user: Caller = { userId: 'u1', role: '[[ app.auth.roles | first ]]', sessionId: 's1' }
const admin: Caller = { userId: 'a1', role: '[[ app.auth.roles | last ]]', sessionId: 's2' }

describe('authorize', () => {
  it('lets anyone through a public rule', () => {
    expect(authorize(null, ['public'])).toEqual({})
  })

  it('needs a signed-in caller for any other rule', () => {
    expect(() => authorize(null, ['user'])).toThrow(UnauthorizedError)
    expect(() => authorize(null, ['owner'])).toThrow(UnauthorizedError)
    expect(() => authorize(null, ['[[ app.auth.roles | last ]]'])).toThrow(UnauthorizedError)
  })

  it('lets any signed-in user through a user rule', () => {
    expect(authorize(user, ['user'])).toEqual({})
  })

  it('lets a listed role through, unscoped', () => {
    expect(authorize(admin, ['owner', '[[ app.auth.roles | last ]]'])).toEqual({})
  })

  it('scopes an owner rule to the caller', () => {
    expect(authorize(user, ['owner'])).toEqual({ ownerId: 'u1' })
    expect(authorize(admin, ['owner'])).toEqual({ ownerId: 'a1' })
  })

  it('refuses a role that is not listed', () => {
    expect(() => authorize(user, [])).toThrow(ForbiddenError)
[% if app.auth.roles | length > 1 %]
    expect(() => authorize(user, ['[[ app.auth.roles | last ]]'])).toThrow(ForbiddenError)
[% endif %]
  })
})
