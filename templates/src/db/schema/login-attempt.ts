import { index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 255 }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('login_attempts_email_ip_created_at_idx').on(table.email, table.ip, table.createdAt),
  ],
)
