[% set n = resource.names %]
[% set table = n.plural_camel %]
[% set scope = "ownerId?: string" %]
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
[[ wrap(open="import type {", items=["New" ~ n.pascal, n.pascal, n.pascal ~ "Changes", n.pascal ~ "ListOptions", n.pascal ~ "SortField"] | sort, close="} from './" ~ n.kebab ~ ".types'", padded=true) ]]

[% if resource.has_private %]
const [[ n.camel ]]Columns = {
  id: [[ table ]].id,
[% if resource.owned %]
  userId: [[ table ]].userId,
[% endif %]
[% for field in resource.fields %]
[% if not field.spec.private %]
  [[ property(key=field.names.camel, value=table ~ "." ~ field.names.camel, indent=2) ]]
[% endif %]
[% endfor %]
  createdAt: [[ table ]].createdAt,
  updatedAt: [[ table ]].updatedAt,
}

[% endif %]
const [[ n.camel ]]SortColumns = {
[% for key in resource.code.sort_fields %]
  [[ property(key=key, value=table ~ "." ~ key, indent=2) ]]
[% endfor %]
} satisfies Record<[[ n.pascal ]]SortField, unknown>

[[ wrap(open="export async function find" ~ n.plural_pascal ~ "(", items=["options: " ~ n.pascal ~ "ListOptions"], close="): Promise<Paginated<" ~ n.pascal ~ ">> {") ]]
  const db = await getDb()
  [[ declare(lhs="const sortColumn =", value=n.camel ~ "SortColumns[sortField(options.sort)]", indent=2) ]]
  const rows = await db
    .select([[ columns ]])
    .from([[ table ]])
    [[ resource.code.list_where ]]
    [[ wrap(open=".orderBy(", items=["...orderBy(options.sort, sortColumn, " ~ table ~ ".id)"], close=")", indent=4) ]]
    .limit(options.limit + 1)
  return toPage(rows, options.limit, options.sort)
}

[% if resource.owned %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string", scope], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
  const db = await getDb()
  const [row] = await db
    .select([[ columns ]])
    .from([[ table ]])
    [[ resource.code.own_row_where ]]
  return row
}
[% else %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
  const db = await getDb()
  [[ chain(head="const [row] = await db", calls=[".select(" ~ columns ~ ")", ".from(" ~ table ~ ")", ".where(eq(" ~ table ~ ".id, id))"], indent=2) ]]
  return row
}
[% endif %]

[% if resource.owned %]
/** How many rows there are (with `ownerId`, of that user's). */
[[ wrap(open="export async function count" ~ n.plural_pascal ~ "(", items=["ownerId?: string"], close="): Promise<number> {") ]]
  const db = await getDb()
  [[ wrap(open="return db.$count(", items=[table, "equalsIfSet(" ~ table ~ ".userId, ownerId)"], close=")", indent=2) ]]
}
[% else %]
export async function count[[ n.plural_pascal ]](): Promise<number> {
  const db = await getDb()
  return db.$count([[ table ]])
}
[% endif %]

[% if resource.owned %]
/** Whether the row exists (and, with `ownerId`, belongs to that user). */
[[ wrap(open="export async function " ~ n.camel ~ "Exists(", items=["id: string", "ownerId?: string"], close="): Promise<boolean> {") ]]
  const db = await getDb()
  const rows = await db
    .select({ id: [[ table ]].id })
    .from([[ table ]])
    [[ resource.code.own_row_where ]]
  return rows.length > 0
}
[% else %]
[[ wrap(open="export async function " ~ n.camel ~ "Exists(", items=["id: string"], close="): Promise<boolean> {") ]]
  const db = await getDb()
  [[ chain(head="const rows = await db", calls=[".select({ id: " ~ table ~ ".id })", ".from(" ~ table ~ ")", ".where(eq(" ~ table ~ ".id, id))"], indent=2) ]]
  return rows.length > 0
}
[% endif %]

[[ wrap(open="export async function insert" ~ n.pascal ~ "(", items=["values: New" ~ n.pascal], close="): Promise<" ~ n.pascal ~ "> {") ]]
  const db = await getDb()
  [[ chain(head="const [row] = await db", calls=[".insert(" ~ table ~ ")", ".values(values)", ".returning(" ~ columns ~ ")"], indent=2) ]]
  return row
}

[% if resource.owned %]
[[ wrap(open="export async function update" ~ n.pascal ~ "ById(", items=["id: string", "changes: " ~ n.pascal ~ "Changes", scope], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% else %]
[[ wrap(open="export async function update" ~ n.pascal ~ "ById(", items=["id: string", "changes: " ~ n.pascal ~ "Changes"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% endif %]
  const db = await getDb()
  const [row] = await db
    .update([[ table ]])
    .set({ ...changes, updatedAt: new Date() })
[% if resource.owned %]
    [[ resource.code.own_row_where ]]
[% else %]
    .where(eq([[ table ]].id, id))
[% endif %]
    .returning([[ columns ]])
  return row
}

[% if resource.owned %]
[[ wrap(open="export async function delete" ~ n.pascal ~ "ById(", items=["id: string", scope], close="): Promise<boolean> {") ]]
  const db = await getDb()
  const rows = await db
    .delete([[ table ]])
    [[ resource.code.own_row_where ]]
    .returning({ id: [[ table ]].id })
  return rows.length > 0
}
[% else %]
[[ wrap(open="export async function delete" ~ n.pascal ~ "ById(", items=["id: string"], close="): Promise<boolean> {") ]]
  const db = await getDb()
  [[ chain(head="const rows = await db", calls=[".delete(" ~ table ~ ")", ".where(eq(" ~ table ~ ".id, id))", ".returning({ id: " ~ table ~ ".id })"], indent=2) ]]
  return rows.length > 0
}
[% endif %]
