[% set n = resource.names %]
[% set table = n.plural_camel %]
[# Private fields never leave the DAL: a resource with any selects its other columns by name. #]
[# Without, every column is returned, and selecting them all is cheaper (no per-query field map). #]
[% if resource.has_private %]
[% set columns = n.camel ~ "Columns" %]
[% else %]
[% set columns = "" %]
[% endif %]
import 'server-only'
import { and, eq } from 'drizzle-orm'
import { [[ table ]] } from '@/db/schema'
[% if resource.owned or resource.filterable | length > 0 %]
import { afterCursor, equalsIfSet, orderBy, sortField, toPage } from '@/dal/pagination'
[% else %]
import { afterCursor, orderBy, sortField, toPage } from '@/dal/pagination'
[% endif %]
import { getDb } from '@/lib/db'
import type { Paginated } from '@/types'
import type { [[ ["New" ~ n.pascal, n.pascal, n.pascal ~ "Changes", n.pascal ~ "ListOptions", n.pascal ~ "SortField"] | sort | join(sep=", ") ]] } from './[[ n.kebab ]].types'

[% if resource.has_private %]
const [[ n.camel ]]Columns = {
  id: [[ table ]].id,
[% if resource.owned %]
  userId: [[ table ]].userId,
[% endif %]
[% for field in resource.fields %]
[% if not field.spec.private %]
  [[ field.names.camel ]]: [[ table ]].[[ field.names.camel ]],
[% endif %]
[% endfor %]
  createdAt: [[ table ]].createdAt,
  updatedAt: [[ table ]].updatedAt,
}

[% endif %]
const [[ n.camel ]]SortColumns = {
[% for key in resource.sortable %]
  [[ key ]]: [[ table ]].[[ key ]],
[% endfor %]
} satisfies Record<[[ n.pascal ]]SortField, unknown>

export async function find[[ n.plural_pascal ]](options: [[ n.pascal ]]ListOptions): Promise<Paginated<[[ n.pascal ]]>> {
  const db = await getDb()
  const sortColumn = [[ n.camel ]]SortColumns[sortField(options.sort)]
  const rows = await db
    .select([[ columns ]])
    .from([[ table ]])
    .where(
      and(
[% if resource.owned %]
        equalsIfSet([[ table ]].userId, options.ownerId),
[% endif %]
[% for key in resource.filterable %]
        equalsIfSet([[ table ]].[[ key ]], options.[[ key ]]),
[% endfor %]
        afterCursor(options.cursor, options.sort, sortColumn, [[ table ]].id),
      ),
    )
    .orderBy(...orderBy(options.sort, sortColumn, [[ table ]].id))
    .limit(options.limit + 1)
  return toPage(rows, options.limit, options.sort)
}

[% if resource.owned %]
[# One row of its owner: with `ownerId`, a row of anyone else is as good as missing. #]
[% set where_row = "and(eq(" ~ table ~ ".id, id), equalsIfSet(" ~ table ~ ".userId, ownerId))" %]
[% set owner_param = ", ownerId?: string" %]
[% else %]
[% set where_row = "eq(" ~ table ~ ".id, id)" %]
[% set owner_param = "" %]
[% endif %]
export async function find[[ n.pascal ]]ById(id: string[[ owner_param ]]): Promise<[[ n.pascal ]] | undefined> {
  const db = await getDb()
  const [row] = await db
    .select([[ columns ]])
    .from([[ table ]])
    .where([[ where_row ]])
  return row
}

[% if resource.owned %]
/** How many rows there are (with `ownerId`, of that user's). */
export async function count[[ n.plural_pascal ]](ownerId?: string): Promise<number> {
  const db = await getDb()
  return db.$count([[ table ]], equalsIfSet([[ table ]].userId, ownerId))
}

/** Whether the row exists (and, with `ownerId`, belongs to that user). */
[% else %]
export async function count[[ n.plural_pascal ]](): Promise<number> {
  const db = await getDb()
  return db.$count([[ table ]])
}

[% endif %]
export async function [[ n.camel ]]Exists(id: string[[ owner_param ]]): Promise<boolean> {
  const db = await getDb()
  const rows = await db
    .select({ id: [[ table ]].id })
    .from([[ table ]])
    .where([[ where_row ]])
  return rows.length > 0
}

export async function insert[[ n.pascal ]](values: New[[ n.pascal ]]): Promise<[[ n.pascal ]]> {
  const db = await getDb()
  const [row] = await db
    .insert([[ table ]])
    .values(values)
    .returning([[ columns ]])
  return row
}

export async function update[[ n.pascal ]]ById(id: string, changes: [[ n.pascal ]]Changes[[ owner_param ]]): Promise<[[ n.pascal ]] | undefined> {
  const db = await getDb()
  const [row] = await db
    .update([[ table ]])
    .set({ ...changes, updatedAt: new Date() })
    .where([[ where_row ]])
    .returning([[ columns ]])
  return row
}

export async function delete[[ n.pascal ]]ById(id: string[[ owner_param ]]): Promise<boolean> {
  const db = await getDb()
  const rows = await db
    .delete([[ table ]])
    .where([[ where_row ]])
    .returning({ id: [[ table ]].id })
  return rows.length > 0
}
