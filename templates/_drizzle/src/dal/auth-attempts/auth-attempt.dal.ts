import 'server-only'
import { and, count, eq, gt, min } from 'drizzle-orm'
import { authAttempts } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { AttemptCount, AttemptKey, AuthAction, NewAuthAttempt } from './auth-attempt.types'

function keyCondition(key: AttemptKey) {
  return 'email' in key ? eq(authAttempts.email, key.email) : eq(authAttempts.ip, key.ip)
}

/** Attempts of one kind by one account or address since a moment, and the oldest of them. */
export async function countAuthAttempts(
  action: AuthAction,
  key: AttemptKey,
  since: Date,
): Promise<AttemptCount> {
  const db = await getDb()
  const [result] = await db
    .select({
      count: count(),
      oldestAt: min(authAttempts.createdAt),
    })
    .from(authAttempts)
    .where(
      and(eq(authAttempts.action, action), keyCondition(key), gt(authAttempts.createdAt, since)),
    )
  return result
}

export async function insertAuthAttempt(values: NewAuthAttempt): Promise<void> {
  const db = await getDb()
  await db.insert(authAttempts).values(values)
}

export async function deleteAuthAttempts(action: AuthAction, key: AttemptKey): Promise<void> {
  const db = await getDb()
  await db.delete(authAttempts).where(and(eq(authAttempts.action, action), keyCondition(key)))
}
