import { pgEnum, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core'

export const userRole = pgEnum('user_role', [ [[ app.auth.roles | quoted | join(sep=", ") ]] ])

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 255 }).notNull().unique(),
[% if app.auth.providers %]
  /** Null for a user who signs in only through a provider. */
  passwordHash: text('password_hash'),
[% else %]
  passwordHash: text('password_hash').notNull(),
[% endif %]
  role: userRole('role').notNull().default('[[ app.auth.default_role ]]'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
