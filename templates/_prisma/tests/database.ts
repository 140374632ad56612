import { getDb } from '@/lib/db'
import { writeLogReset } from './write-log'
[% if app.auth.enabled %]
[% if app.auth.providers %]
import type { Account, Session, User } from '@/generated/prisma/client'
[% else %]
import type { Session, User } from '@/generated/prisma/client'
[% endif %]
[% endif %]

/** Empties the tables the last test wrote to; works on PGlite and on PostgreSQL. */
export const resetDatabase = writeLogReset({
  async run(statement) {
    const db = await getDb()
    await db.$executeRawUnsafe(statement)
  },
  async names(query) {
    const db = await getDb()
    const rows = await db.$queryRawUnsafe<{ name: string }[]>(query)
    return rows.map((row) => row.name)
  },
})
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
