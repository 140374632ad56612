import { getDb } from '@/lib/db'
[% if app.auth.enabled %]
[% if app.auth.providers %]
import type { Account, Session, User } from '@/generated/prisma/client'
[% else %]
import type { Session, User } from '@/generated/prisma/client'
[% endif %]
[% endif %]

/** Empties every table; works on PGlite and on a shared PostgreSQL. */
export async function resetDatabase(): Promise<void> {
  const db = await getDb()
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'
  `
  if (tables.length > 0) {
    const names = tables.map((table) => `"${table.name}"`).join(', ')
    await db.$executeRawUnsafe(`TRUNCATE TABLE ${names} CASCADE`)
  }
}
[% if app.auth.enabled %]

/** Users as stored, password hash included; only the one with `email` when it is given. */
export async function storedUsers(email?: string): Promise<User[]> {
  const db = await getDb()
  return db.user.findMany({ where: { email } })
}

/** A user's sessions as stored, token hashes included. */
export async function storedSessions(userId: string): Promise<Session[]> {
  const db = await getDb()
  return db.session.findMany({ where: { userId } })
}

/** Moves a user's sessions in time, as if they had begun or been used earlier. */
export async function updateSessions(
  userId: string,
  changes: { expiresAt?: Date; createdAt?: Date },
): Promise<void> {
  const db = await getDb()
  await db.session.updateMany({ where: { userId }, data: changes })
}
[% if app.auth.providers %]

/** Every provider account as stored. */
export async function storedAccounts(): Promise<Account[]> {
  const db = await getDb()
  return db.account.findMany()
}
[% endif %]
[% endif %]
