import 'server-only'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { Pool } from 'pg'
import * as schema from '@/db/schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

const migrationsFolder = path.join(process.cwd(), 'drizzle')

const globalForDb = globalThis as unknown as {
  dbPromise?: Promise<Database>
}

async function connectNodePostgres(connectionString: string): Promise<Database> {
  const pool = new Pool({ connectionString })
  // An idle connection the server ends (a restart, a failover) is replaced on the next query;
  // without a listener its error would be an uncaught exception.
  pool.on('error', (error) => {
    console.error('PostgreSQL ended an idle connection:', error.message)
  })
  const db = drizzleNodePostgres({ client: pool, schema })
  await migrateNodePostgres(db, { migrationsFolder })
  return db
}

async function connectPglite(dataDir: string): Promise<Database> {
  if (!dataDir.includes('://')) {
    // PGlite creates its own directory, but not the parents (.data/).
    await mkdir(dataDir, { recursive: true })
  }
  const client = new PGlite(dataDir)
  const db = drizzlePglite({ client, schema })
  await migratePglite(db, { migrationsFolder })
  return db
}

function connect(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    return connectNodePostgres(databaseUrl)
  }
[% if app.database == "postgres" %]
  if (process.env.NODE_ENV === 'production') {
    // This app runs on PostgreSQL; the embedded PGlite is for development and tests only.
    throw new Error('DATABASE_URL must be set in production.')
  }
[% endif %]
  return connectPglite(process.env.PGLITE_DIR ?? '.data/pglite')
}

/** The one database client: created on first use, migrated, then shared (also across hot reloads). */
export function getDb(): Promise<Database> {
  if (!globalForDb.dbPromise) {
    globalForDb.dbPromise = connect().catch((error: unknown) => {
      globalForDb.dbPromise = undefined
      throw error
    })
  }
  return globalForDb.dbPromise
}
