[[ resource.code.drizzle_import ]]
[% for line in resource.code.schema_imports %]
[[ line ]]
[% endfor %]
[% for enum in resource.code.enums %]

[[ declare_call(lhs="export const " ~ enum.pg ~ " =", callee="pgEnum", first="'" ~ enum.sql ~ "'", items=enum.values_quoted) ]]
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
    [[ field.code.drizzle ]]
[% endfor %]
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  [[ wrap(open="(table) => [", items=resource.code.indexes, close="],", indent=2) ]]
)
