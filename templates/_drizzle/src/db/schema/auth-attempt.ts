import { index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

/** Failed logins and registrations, counted for rate limits that hold across app instances. */
export const authAttempts = pgTable(
  'auth_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    action: varchar('action', { length: 16 }).notNull(),
    email: varchar('email', { length: 255 }),
    ip: varchar('ip', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    index('auth_attempts_action_email_created_at_idx').on(
      table.action,
      table.email,
      table.createdAt,
    ),
    index('auth_attempts_action_ip_created_at_idx').on(table.action, table.ip, table.createdAt),
  ],
)
