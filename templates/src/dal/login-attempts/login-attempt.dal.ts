import 'server-only'
import { and, count, eq, gt, min } from 'drizzle-orm'
import { loginAttempts } from '@/db/schema'
import { getDb } from '@/lib/db'
import type { LoginFailures } from './login-attempt.types'

/** Failed logins for this email from this address since a moment. */
export async function countLoginFailures(
  email: string,
  ip: string,
  since: Date,
): Promise<LoginFailures> {
  const db = await getDb()
  const [result] = await db
    .select({
      count: count(),
      oldestAt: min(loginAttempts.createdAt),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        gt(loginAttempts.createdAt, since),
      ),
    )
  return result
}

export async function insertLoginFailure(email: string, ip: string): Promise<void> {
  const db = await getDb()
  await db.insert(loginAttempts).values({ email, ip })
}

export async function deleteLoginFailures(email: string, ip: string): Promise<void> {
  const db = await getDb()
  await db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)))
}
