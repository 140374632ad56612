import type { SortKey } from '@/dal/pagination'
[% for enum in resource.code.enums %]

export type [[ enum.ts_type ]] = [[ enum.values_quoted | join(sep=" | ") ]]
[% endfor %]

[% if resource.has_private %]
/** A [[ resource.names.human ]] as the API returns it: private fields never leave the DAL. */
[% else %]
/** A [[ resource.names.human ]] as the API returns it. */
[% endif %]
export type [[ resource.names.pascal ]] = {
  id: string
[% if resource.owned %]
  userId: string
[% endif %]
[% for field in resource.fields %]
[% if not field.spec.private %]
  [[ field.names.camel ]]: [[ field.code.ts_type ]]
[% endif %]
[% endfor %]
  createdAt: Date
  updatedAt: Date
}

export type New[[ resource.names.pascal ]] = {
[% if resource.owned %]
  userId: string
[% endif %]
[% for field in resource.fields %]
  [[ field.code.ts_new ]]
[% endfor %]
}

[% if resource.owned %]
export type [[ resource.names.pascal ]]Changes = Partial<Omit<New[[ resource.names.pascal ]], 'userId'>>
[% else %]
export type [[ resource.names.pascal ]]Changes = Partial<New[[ resource.names.pascal ]]>
[% endif %]

export type [[ resource.names.pascal ]]SortField = [[ resource.code.sort_fields_quoted | join(sep=" | ") ]]

export type [[ resource.names.pascal ]]ListOptions = {
  limit: number
  cursor?: string
  sort: SortKey<[[ resource.names.pascal ]]SortField>
[% for field in resource.fields %]
[% if field.names.camel in resource.filterable %]
  [[ field.names.camel ]]?: [[ field.code.filter_ts_type ]]
[% endif %]
[% endfor %]
[% if resource.owned %]
  /** When set, only this user's [[ resource.names.plural_human ]]. */
  ownerId?: string
[% endif %]
}
