import { [[ drizzle.builders | join(sep=", ") ]] } from 'drizzle-orm/pg-core'
[% for reference in drizzle.references %]
import { [[ reference.table ]] } from '[[ reference.module ]]'
[% endfor %]
[% for enum in resource.code.enums %]

export const [[ enum.pg ]] = pgEnum('[[ enum.sql ]]', [[ enum.values_ts ]])
[% endfor %]

export const [[ resource.names.plural_camel ]] = pgTable(
  '[[ resource.names.table ]]',
  {
    id: uuid('id').primaryKey().defaultRandom(),
[% if resource.owned %]
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
[% endif %]
[% for column in drizzle.columns %]
    [[ column.key ]]: [[ column.expression ]],
[% endfor %]
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
[% for index in drizzle.indexes %]
    [[ index ]],
[% endfor %]
  ],
)
