import { mkdirSync } from 'node:fs'
import { defineConfig } from 'drizzle-kit'

const databaseUrl = process.env.DATABASE_URL
const pgliteDir = process.env.PGLITE_DIR ?? '.data/pglite'

if (!databaseUrl && !pgliteDir.includes('://')) {
  // PGlite creates its own directory, but not the parents (.data/).
  mkdirSync(pgliteDir, { recursive: true })
}

export default databaseUrl
  ? defineConfig({
    dialect: 'postgresql',
    schema: './src/db/schema/index.ts',
    out: './drizzle',
    dbCredentials: {
      url: databaseUrl,
    },
  })
  : defineConfig({
    dialect: 'postgresql',
    driver: 'pglite',
    schema: './src/db/schema/index.ts',
    out: './drizzle',
    dbCredentials: {
      url: pgliteDir,
    },
  })
