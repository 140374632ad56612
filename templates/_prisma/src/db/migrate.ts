import 'server-only'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migrateDrizzlePglite } from 'drizzle-orm/pglite/migrator'
import { Pool } from 'pg'

/**
 * strata writes this app's schema changes as SQL migrations in drizzle/: one history, whichever
 * ORM queries the tables. drizzle-orm's migrator applies the pending ones and records each in
 * drizzle.__drizzle_migrations; Prisma only queries.
 */
const migrationsFolder = path.join(process.cwd(), 'drizzle')

/** Applies the pending migrations on one connection of its own, closed when done. */
export async function migratePostgres(connectionString: string): Promise<void> {
  const pool = new Pool({ connectionString, max: 1 })
  try {
    await migrateNodePostgres(drizzleNodePostgres({ client: pool }), { migrationsFolder })
  } finally {
    await pool.end()
  }
}

export async function migratePglite(client: PGlite): Promise<void> {
  await migrateDrizzlePglite(drizzlePglite({ client }), { migrationsFolder })
}
