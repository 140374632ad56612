import { [[ resource.code.drizzle_builders | join(sep=", ") ]] } from 'drizzle-orm/pg-core'
[% for line in resource.code.schema_imports %]
[[ line ]]
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
[% for field in resource.fields %]
    [[ field.names.camel ]]: [[ field.code.drizzle ]],
[% endfor %]
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
[% for index in resource.code.indexes %]
    [[ index ]],
[% endfor %]
  ],
)
