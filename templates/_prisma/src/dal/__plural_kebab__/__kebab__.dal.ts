[% set n = resource.names %]
[% set model = n.camel %]
[# Prisma's rows need converting where its values differ from the DAL's types (decimals, big #]
[# integers, dates); where none do, the rows are the DAL's type as they come. #]
[% if prisma.row_entries %]
[% set one = "to" ~ n.pascal ~ "(" ~ n.camel ~ ")" %]
[% set many = "rows.map(to" ~ n.pascal ~ ")" %]
[% else %]
[% set one = n.camel %]
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
import type { Page } from '@/types'
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
type [[ n.pascal ]]Row = Prisma.[[ n.pascal ]]GetPayload<{ select: typeof [[ n.camel ]]Select }>

function to[[ n.pascal ]](row: [[ n.pascal ]]Row): [[ n.pascal ]] {
  return {
    ...row,
[% for entry in prisma.row_entries %]
    [[ entry ]]
[% endfor %]
  }
}

[% endif %]
const [[ n.camel ]]SortKinds: Record<[[ n.pascal ]]SortField, SortKind> = {
[% for kind in prisma.sort_kinds %]
  [[ kind ]],
[% endfor %]
}

[[ wrap(open="export async function find" ~ n.plural_pascal ~ "(", items=["options: " ~ n.pascal ~ "ListOptions"], close="): Promise<Page<" ~ n.pascal ~ ">> {") ]]
  const db = await getDb()
  const rows = await db.[[ model ]].findMany({
    select: [[ n.camel ]]Select,
    where: {
      [[ wrap(open="...afterCursor<" ~ n.pascal ~ "SortField, Prisma." ~ n.pascal ~ "WhereInput>(", items=["options.cursor", "options.sort", n.camel ~ "SortKinds"], close="),", indent=6) ]]
[% for filter in prisma.filters %]
      [[ filter ]]
[% endfor %]
    },
    orderBy: orderBy<Prisma.[[ n.pascal ]]OrderByWithRelationInput>(options.sort),
    take: options.limit + 1,
  })
  return toPage([[ many ]], options.limit, options.sort)
}

[% if resource.owned %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string", "ownerId?: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% else %]
[[ wrap(open="export async function find" ~ n.pascal ~ "ById(", items=["id: string"], close="): Promise<" ~ n.pascal ~ " | undefined> {") ]]
[% endif %]
  const db = await getDb()
  const [[ n.camel ]] = await db.[[ model ]].findFirst({
    select: [[ n.camel ]]Select,
    where: { id[[ scope ]] },
  })
[% if prisma.row_entries %]
  return [[ n.camel ]] === null ? undefined : [[ one ]]
[% else %]
  return [[ n.camel ]] ?? undefined
[% endif %]
}

[% if resource.owned %]
/** How many rows there are (with `ownerId`, of that user's). */
export async function count[[ n.plural_pascal ]](ownerId?: string): Promise<number> {
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
export async function [[ n.camel ]]Exists(id: string, ownerId?: string): Promise<boolean> {
[% else %]
export async function [[ n.camel ]]Exists(id: string): Promise<boolean> {
[% endif %]
  const db = await getDb()
  const [[ n.camel ]] = await db.[[ model ]].findFirst({
    select: { id: true },
    where: { id[[ scope ]] },
  })
  return [[ n.camel ]] !== null
}

[[ wrap(open="export async function insert" ~ n.pascal ~ "(", items=["values: New" ~ n.pascal], close="): Promise<" ~ n.pascal ~ "> {") ]]
  const db = await getDb()
  const [[ n.camel ]] = await db.[[ model ]].create({
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
  const [[ "[" ~ n.camel ~ "]" ]] = await db.[[ model ]].updateManyAndReturn({
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
  return [[ n.camel ]] === undefined ? undefined : [[ one ]]
[% else %]
  return [[ n.camel ]]
[% endif %]
}

[% if resource.owned %]
export async function delete[[ n.pascal ]]ById(id: string, ownerId?: string): Promise<boolean> {
[% else %]
export async function delete[[ n.pascal ]]ById(id: string): Promise<boolean> {
[% endif %]
  const db = await getDb()
  const { count } = await db.[[ model ]].deleteMany({ where: { id[[ scope ]] } })
  return count > 0
}
