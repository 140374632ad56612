import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { getDb } from '@/lib/db'
import type { AttemptCount, AttemptKey, AuthAction, NewAuthAttempt } from './auth-attempt.types'

function keyCondition(key: AttemptKey): Prisma.AuthAttemptWhereInput {
  return 'email' in key ? { email: key.email } : { ip: key.ip }
}

/** Attempts of one kind by one account or address since a moment, and the oldest of them. */
export async function countAuthAttempts(
  action: AuthAction,
  key: AttemptKey,
  since: Date,
): Promise<AttemptCount> {
  const db = await getDb()
  const result = await db.authAttempt.aggregate({
    _count: { _all: true },
    _min: { createdAt: true },
    where: { action, ...keyCondition(key), createdAt: { gt: since } },
  })
  return { count: result._count._all, oldestAt: result._min.createdAt }
}

export async function insertAuthAttempt(values: NewAuthAttempt): Promise<void> {
  const db = await getDb()
  await db.authAttempt.create({ select: { id: true }, data: values })
}

export async function deleteAuthAttempts(action: AuthAction, key: AttemptKey): Promise<void> {
  const db = await getDb()
  await db.authAttempt.deleteMany({ where: { action, ...keyCondition(key) } })
}
