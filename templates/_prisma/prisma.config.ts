import { defineConfig } from 'prisma/config'

// Read by the Prisma CLI only (the app connects through src/lib/db.ts). strata owns the
// migrations (drizzle/); see "Moving to Prisma Migrate" in README.md before running any.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: {
    url: process.env.DATABASE_URL,
  },
})
