import 'server-only'
import { ForbiddenError, UnauthorizedError } from '@/lib/errors'
import type { AccessRule, Actor } from '@/types'

/** What an allowed action may touch: with `ownerId`, only that user's rows. */
export type AccessScope = {
  ownerId?: string
}

/**
 * Checks one action's rule for the actor.
 * public: anyone · no actor: 401 · user: any signed-in user · a role: users with it, unscoped ·
 * owner: signed-in users, scoped to their own rows · anything else: 403.
 */
export function authorize(actor: Actor | null, rule: AccessRule): AccessScope {
  if (rule.includes('public')) {
    return {}
  }
  if (!actor) {
    throw new UnauthorizedError()
  }
  if (rule.includes('user') || rule.includes(actor.role)) {
    return {}
  }
  if (rule.includes('owner')) {
    return { ownerId: actor.userId }
  }
  throw new ForbiddenError()
}

/** The actor of an action that needs one (e.g. to own the row it creates). */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) {
    throw new UnauthorizedError()
  }
  return actor
}
