import * as z from 'zod'
[[ resource.code.common_import ]]
[% for enum in resource.code.enums %]

[[ declare(lhs="export const " ~ enum.values_const ~ " =", items=enum.values_quoted, close=" as const") ]]
[% endfor %]

export const create[[ resource.names.pascal ]]Schema = z.strictObject({
[% for field in resource.fields %]
  [[ field.code.zod ]]
[% endfor %]
})

[[ declare(lhs="export const update" ~ resource.names.pascal ~ "Schema =", value="create" ~ resource.names.pascal ~ "Schema.partial()") ]]

[[ wrap(open="export const " ~ resource.names.camel ~ "SortValues = [", items=resource.code.sort_values, close="] as const") ]]

export const [[ resource.names.camel ]]ListQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: cursorSchema.optional(),
  sort: z.enum([[ resource.names.camel ]]SortValues).default('-createdAt'),
[% for field in resource.fields %]
[% if field.code.zod_filter and not field.spec.private %]
  [[ field.code.zod_filter ]]
[% endif %]
[% endfor %]
})

[[ generic(lhs="export type Create" ~ resource.names.pascal ~ "Input =", head="z.output", argument="typeof create" ~ resource.names.pascal ~ "Schema") ]]
[[ generic(lhs="export type Update" ~ resource.names.pascal ~ "Input =", head="z.output", argument="typeof update" ~ resource.names.pascal ~ "Schema") ]]
[[ generic(lhs="export type " ~ resource.names.pascal ~ "ListQuery =", head="z.output", argument="typeof " ~ resource.names.camel ~ "ListQuerySchema") ]]
