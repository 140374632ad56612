import { sql } from 'drizzle-orm'
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
