import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '@/lib/db'

/** Runs `select 1`: resolves once the database answers, rejects while it can't. */
export async function pingDatabase(): Promise<void> {
  const db = await getDb()
  await db.execute(sql`select 1`)
}
