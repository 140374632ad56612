[% if app.auth.enabled %]
import { eq, sql } from 'drizzle-orm'
import * as schema from '@/db/schema'
[% else %]
import { sql } from 'drizzle-orm'
[% endif %]
import { getDb } from '@/lib/db'
import { writeLogReset } from './write-log'

/** Empties the tables the last test wrote to; works on PGlite and on PostgreSQL. */
export const resetDatabase = writeLogReset({
  async run(statement) {
    const db = await getDb()
    await db.execute(sql.raw(statement))
  },
  async names(query) {
    const db = await getDb()
    // Both drivers (PGlite, node-postgres) answer with their rows in `rows`.
    const { rows } = (await db.execute(sql.raw(query))) as { rows: { name: string }[] }
    return rows.map((row) => row.name)
  },
})
[% if app.auth.enabled %]

/** Users as stored, password hash included; only the one with `email` when it is given. */
export async function storedUsers(email?: string): Promise<(typeof schema.users.$inferSelect)[]> {
  const db = await getDb()
  const rows = db.select().from(schema.users)
  return email === undefined ? rows : rows.where(eq(schema.users.email, email))
}

/** A user's sessions as stored, token hashes included. */
export async function storedSessions(
  userId: string,
): Promise<(typeof schema.sessions.$inferSelect)[]> {
  const db = await getDb()
  return db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId))
}

/** Moves a user's sessions in time, as if they had begun or been used earlier. */
export async function updateSessions(
  userId: string,
  changes: { expiresAt?: Date; createdAt?: Date },
): Promise<void> {
  const db = await getDb()
  await db.update(schema.sessions).set(changes).where(eq(schema.sessions.userId, userId))
}
[% if app.auth.providers %]

/** Every provider account as stored. */
export async function storedAccounts(): Promise<(typeof schema.accounts.$inferSelect)[]> {
  const db = await getDb()
  return db.select().from(schema.accounts)
}
[% endif %]
[% endif %]
