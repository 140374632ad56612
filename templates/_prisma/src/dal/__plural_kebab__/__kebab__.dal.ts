[% set n = resource.names %]
[% set model = n.camel %]
[# Prisma's rows need converting where its values differ from the DAL's types (decimals, big #]
[# integers, dates); where none do, the rows are the DAL's type as they come. #]
[% if prisma.row_entries %]
[% set one = "to" ~ n.pascal ~ "(row)" %]
[% set many = "rows.map(to" ~ n.pascal ~ ")" %]
[% else %]
[% set one = "row" %]
[% set many = "rows" %]
[% endif %]
[% if resource.owned %]
[% set scope = ", userId: ownerId" %]
[% else %]
[% set scope = "" %]
[% endif %]
import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { afterCursor, orderBy, toPage, type SortKind } from '@/dal/pagination'
[% if prisma.value_imports %]
[[ wrap(open="import {", items=prisma.value_imports, close="} from '@/dal/values'", padded=true) ]]
[% endif %]
import { getDb } from '@/lib/db'
import type { Paginated } from '@/types'
[[ wrap(open="import type {", items=["New" ~ n.pascal, n.pascal, n.pascal ~ "Changes", n.pascal ~ "ListOptions", n.pascal ~ "SortField"] | sort, close="} from './" ~ n.kebab ~ ".types'", padded=true) ]]

[% if resource.has_private %]
/** Every column but the private ones, which never leave the DAL. */
[% endif %]
const [[ n.camel ]]Select = {
  id: true,
[% if resource.owned %]
  userId: true,
[% endif %]
[% for field in resource.fields %]
[% if not field.spec.private %]
  [[ field.names.camel ]]: true,
[% endif %]
[% endfor %]
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.[[ n.pascal ]]Select

[% if prisma.row_entries %]
[[ generic(lhs="type " ~ n.pascal ~ "Row =", head="Prisma." ~ n.pascal ~ "GetPayload", argument="{ select: typeof " ~ n.camel ~ "Select }") ]]

[[ wrap(open="function to" ~ n.pascal ~ "(", items=["row: " ~ n.pascal ~ "Row"], close="): " ~ n.pascal ~ " {") ]]
  return {
    ...row,
[% for entry in prisma.row_entries %]
    [[ entry ]]
[% endfor %]
  }
}

[% endif %]
[[ type_arguments(open="const " ~ n.camel ~ "SortKinds: Record", types=[n.pascal ~ "SortField", "SortKind"], close=" = {") ]]
[% for kind in prisma.sort_kinds %]
  [[ kind ]]
[% endfor %]
}

[[ wrap(open="export async function find" ~ n.plural_pascal ~ "(", items=["options: " ~ n.pascal ~ "ListOptions"], close="): Promise<Paginated<" ~ n.pascal ~ ">> {") ]]
  const db = await getDb()
  const rows = await db.[[ model ]].findMany({
    select: [[ n.camel ]]Select,
    where: {
      [[ generic_call(head="...afterCursor", types=[n.pascal ~ "SortField", "Prisma." ~ n.pascal ~ "WhereInput"], args=["options.cursor", "options.sort", n.camel ~ "SortKinds"], suffix=",", indent=6) ]]
[% for filter in prisma.filters %]
      [[ filter ]]
[% endfor %]
    },
    [[ assign(lhs="orderBy:", head="orderBy<Prisma." ~ n.pascal ~ "OrderByWithRelationInput>", args=["options.sort"], suffix=",", indent=4) ]]
    take: options.limit + 1,
  })
  [[ wrap(open="return toPage(", items=[many, "options.limit", "options.sort"], close=")", indent=2) ]]
}

[% if resource.owned %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string", "ownerId?: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% else %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% endif %]
  const db = await getDb()
  const row = await db.[[ model ]].findFirst({
    select: [[ n.camel ]]Select,
    where: { id[[ scope ]] },
  })
[% if prisma.row_entries %]
  return row === null ? undefined : [[ one ]]
[% else %]
  return row ?? undefined
[% endif %]
}

[% if resource.owned %]
/** How many rows there are (with `ownerId`, of that user's). */
[[ wrap(open="export async function count" ~ n.plural_pascal ~ "(", items=["ownerId?: string"], close="): Promise<number> {") ]]
  const db = await getDb()
  return db.[[ model ]].count({ where: { userId: ownerId } })
}
[% else %]
export async function count[[ n.plural_pascal ]](): Promise<number> {
  const db = await getDb()
  return db.[[ model ]].count()
}
[% endif %]

[% if resource.owned %]
/** Whether the row exists (and, with `ownerId`, belongs to that user). */
[[ wrap(open="export async function " ~ n.camel ~ "Exists(", items=["id: string", "ownerId?: string"], close="): Promise<boolean> {") ]]
[% else %]
[[ wrap(open="export async function " ~ n.camel ~ "Exists(", items=["id: string"], close="): Promise<boolean> {") ]]
[% endif %]
  const db = await getDb()
  const row = await db.[[ model ]].findFirst({
    select: { id: true },
    where: { id[[ scope ]] },
  })
  return row !== null
}

[[ wrap(open="export async function insert" ~ n.pascal ~ "(", items=["values: New" ~ n.pascal], close="): Promise<" ~ n.pascal ~ "> {") ]]
  const db = await getDb()
  const row = await db.[[ model ]].create({
    select: [[ n.camel ]]Select,
[% if prisma.create_entries %]
    data: {
      ...values,
[% for entry in prisma.create_entries %]
      [[ entry ]]
[% endfor %]
    },
[% else %]
    data: values,
[% endif %]
  })
  return [[ one ]]
}

[% if resource.owned %]
[[ wrap(open="export async function update" ~ n.pascal ~ "ById(", items=["id: string", "changes: " ~ n.pascal ~ "Changes", "ownerId?: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% else %]
[[ wrap(open="export async function update" ~ n.pascal ~ "ById(", items=["id: string", "changes: " ~ n.pascal ~ "Changes"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% endif %]
  const db = await getDb()
  const [row] = await db.[[ model ]].updateManyAndReturn({
    select: [[ n.camel ]]Select,
    where: { id[[ scope ]] },
[% if prisma.update_entries %]
    data: {
      ...changes,
[% for entry in prisma.update_entries %]
      [[ entry ]]
[% endfor %]
    },
[% else %]
    data: changes,
[% endif %]
  })
[% if prisma.row_entries %]
  return row === undefined ? undefined : [[ one ]]
[% else %]
  return row
[% endif %]
}

[% if resource.owned %]
[[ wrap(open="export async function delete" ~ n.pascal ~ "ById(", items=["id: string", "ownerId?: string"], close="): Promise<boolean> {") ]]
[% else %]
[[ wrap(open="export async function delete" ~ n.pascal ~ "ById(", items=["id: string"], close="): Promise<boolean> {") ]]
[% endif %]
  const db = await getDb()
  [[ hug(lead="const { count } = await ", call="db." ~ model ~ ".deleteMany({ where: { id" ~ scope ~ " } })", indent=2) ]]
  return count > 0
}
