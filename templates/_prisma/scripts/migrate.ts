// Applies the pending migrations of drizzle/ to the app's database: npm run db:migrate
// (DATABASE_URL, or PGlite in PGLITE_DIR; on PGlite stop the app first, since one process at a
// time may open it). The app also applies them itself when it first connects.
import { getDb } from '@/lib/db'

getDb().then(
  async (db) => {
    await db.$disconnect()
    console.log('The database is up to date.')
    process.exit(0)
  },
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
