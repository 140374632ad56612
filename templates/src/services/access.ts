import 'server-only'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'
import type { AccessRule, Actor } from '@/types'

/** What an allowed action may touch: with `ownerId`, only that user's rows. */
export type AccessScope = {
  ownerId?: string
}

/**
 * What one action's rule lets the actor touch, or null when it lets them do nothing.
 * public: anyone · user: any signed-in user · a role: users with it, unscoped · owner: signed-in
 * users, scoped to their own rows.
 */
export function scopeOf(actor: Actor | null, rule: AccessRule): AccessScope | null {
  if (rule.includes('public')) {
    return {}
  }
  if (!actor) {
    return null
  }
  if (rule.includes('user') || rule.includes(actor.role)) {
    return {}
  }
  if (rule.includes('owner')) {
    return { ownerId: actor.userId }
  }
  return null
}

/** Checks one action's rule for the actor: 401 without one, 403 when the rule leaves them out. */
export function authorize(actor: Actor | null, rule: AccessRule): AccessScope {
  const scope = scopeOf(actor, rule)
  if (!scope) {
    throw actor ? new ForbiddenError() : new UnauthorizedError()
  }
  return scope
}

/** The actor of an action that needs one (e.g. to own the row it creates). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) {
    throw new UnauthorizedError()
  }
  return actor
}
