import 'server-only'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'
import type { AccessRule, Caller } from '@/types'

/** What an allowed action may touch: with `ownerId`, only that user's rows. */
export type AccessScope = {
  ownerId?: string
}

/**
 * What one action's rule lets the caller touch, or null when it lets them do nothing.
 * public: anyone · user: any signed-in user · a role: users with it, unscoped · owner: signed-in
 * users, scoped to their own rows.
 */
export function scopeOf(caller: Caller | null, rule: AccessRule): AccessScope | null {
  if (rule.includes('public')) {
    return {}
  }
  if (!caller) {
    return null
  }
  if (rule.includes('user') || rule.includes(caller.role)) {
    return {}
  }
  if (rule.includes('owner')) {
    return { ownerId: caller.userId }
  }
  return null
}

/** Checks one action's rule for the caller: 401 without one, 403 when the rule leaves them out. */
export function authorize(caller: Caller | null, rule: AccessRule): AccessScope {
  const scope = scopeOf(caller, rule)
  if (!scope) {
    throw caller ? new ForbiddenError() : new UnauthorizedError()
  }
  return scope
}

/** The caller of an action that needs one (e.g. to own the row it creates). */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) {
    throw new UnauthorizedError()
  }
  return caller
}
