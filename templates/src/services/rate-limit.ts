import 'server-only'
import {
  countAuthAttempts,
  deleteAuthAttempts,
  insertAuthAttempt,
  type AttemptKey,
  type AuthAction,
} from '@/dal'
import { RateLimitError } from '@/lib/errors'

type Limit = {
  action: AuthAction
  max: number
  windowMs: number
}

const MINUTE_MS = 60 * 1000

/** Failed logins into one account, from anywhere (ASVS 6.3.1: at most 100 an hour). */
export const LOGIN_PER_ACCOUNT: Limit = { action: 'login', max: 10, windowMs: 15 * MINUTE_MS }
/** Failed logins from one client address, into any account. */
export const LOGIN_PER_ADDRESS: Limit = { action: 'login', max: 50, windowMs: 15 * MINUTE_MS }
/** Registrations from one client address. */
export const REGISTER_PER_ADDRESS: Limit = {
  action: 'register',
  max: 10,
  windowMs: 60 * MINUTE_MS,
}

/** Throws a 429 (with the seconds until the oldest counted attempt expires) once over the limit. */
export async function assertUnderLimit(limit: Limit, key: AttemptKey): Promise<void> {
  const since = new Date(Date.now() - limit.windowMs)
  const attempts = await countAuthAttempts(limit.action, key, since)
  if (attempts.count < limit.max || !attempts.oldestAt) {
    return
  }
  const retryAt = attempts.oldestAt.getTime() + limit.windowMs
  throw new RateLimitError(Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)))
}

export async function recordAttempt(
  action: AuthAction,
  client: { email: string | null; ip: string },
): Promise<void> {
  await insertAuthAttempt({ action, email: client.email, ip: client.ip })
}

/** A successful login clears the account's failures (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await deleteAuthAttempts('login', { email })
}
