import 'server-only'
import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaPGlite } from 'pglite-prisma-adapter'
import { migratePglite, migratePostgres } from '@/db/migrate'
import { PrismaClient } from '@/generated/prisma/client'

export type Database = PrismaClient

const globalForDb = globalThis as unknown as {
  dbPromise?: Promise<Database>
}

async function connectNodePostgres(connectionString: string): Promise<Database> {
  await migratePostgres(connectionString)
  const adapter = new PrismaPg(
    { connectionString },
    {
      // An idle connection the server ends (a restart, a failover) is replaced on the next
      // query; without a listener its error would be an uncaught exception.
      onPoolError: (error) => {
        console.error('PostgreSQL ended an idle connection:', error.message)
      },
    },
  )
  return new PrismaClient({ adapter })
}

async function connectPglite(dataDir: string): Promise<Database> {
  if (!dataDir.includes('://')) {
    // PGlite creates its own directory, but not the parents (.data/).
    await mkdir(dataDir, { recursive: true })
  }
  const client = new PGlite(dataDir)
  await migratePglite(client)
  return new PrismaClient({ adapter: new PrismaPGlite(client) })
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
