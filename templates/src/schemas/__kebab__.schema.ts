import * as z from 'zod'
import { [[ resource.code.common_schemas | join(sep=", ") ]] } from './common'
[% for enum in resource.code.enums %]

export const [[ enum.values_const ]] = [[ enum.values_ts ]] as const
[% endfor %]

export const create[[ resource.names.pascal ]]Schema = z.strictObject({
[% for field in resource.fields %]
  [[ field.names.camel ]]: [[ field.code.zod ]],
[% endfor %]
})

export const update[[ resource.names.pascal ]]Schema = create[[ resource.names.pascal ]]Schema.partial()

export const [[ resource.names.camel ]]SortValues = [ [[ resource.code.sort_values | join(sep=", ") ]] ] as const

export const [[ resource.names.camel ]]ListQuerySchema = z.strictObject({
  limit: limitSchema,
  cursor: cursorSchema.optional(),
  sort: z.enum([[ resource.names.camel ]]SortValues).default('-createdAt'),
[% for field in resource.fields %]
[% if field.names.camel in resource.filterable %]
  [[ field.names.camel ]]: [[ field.code.zod_filter ]],
[% endif %]
[% endfor %]
})

export type Create[[ resource.names.pascal ]]Input = z.output<typeof create[[ resource.names.pascal ]]Schema>
export type Update[[ resource.names.pascal ]]Input = z.output<typeof update[[ resource.names.pascal ]]Schema>
export type [[ resource.names.pascal ]]ListQuery = z.output<typeof [[ resource.names.camel ]]ListQuerySchema>
