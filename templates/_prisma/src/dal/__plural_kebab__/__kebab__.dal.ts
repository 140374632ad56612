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
[% set owner_param = ", ownerId?: string" %]
[% else %]
[% set scope = "" %]
[% set owner_param = "" %]
[% endif %]
import 'server-only'
import type { Prisma } from '@/generated/prisma/client'
import { afterCursor, orderBy, toPage, type SortKind } from '@/dal/pagination'
[% if prisma.value_imports %]
import { [[ prisma.value_imports | join(sep=", ") ]] } from '@/dal/values'
[% endif %]
import { getDb } from '@/lib/db'
import type { Paginated } from '@/types'
import type { [[ ["New" ~ n.pascal, n.pascal, n.pascal ~ "Changes", n.pascal ~ "ListOptions", n.pascal ~ "SortField"] | sort | join(sep=", ") ]] } from './[[ n.kebab ]].types'

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
    [[ entry.key ]]: [[ entry.value ]],
[% endfor %]
  }
}

[% endif %]
const [[ n.camel ]]SortKinds: Record<[[ n.pascal ]]SortField, SortKind> = {
[% for kind in prisma.sort_kinds %]
  [[ kind.key ]]: [[ kind.value ]],
[% endfor %]
}

export async function find[[ n.plural_pascal ]](options: [[ n.pascal ]]ListOptions): Promise<Paginated<[[ n.pascal ]]>> {
  const db = await getDb()
  const rows = await db.[[ model ]].findMany({
    select: [[ n.camel ]]Select,
    where: {
      ...afterCursor<[[ n.pascal ]]SortField, Prisma.[[ n.pascal ]]WhereInput>(options.cursor, options.sort, [[ n.camel ]]SortKinds),
[% if resource.owned %]
      userId: options.ownerId,
[% endif %]
[% for filter in prisma.filters %]
      [[ filter.key ]]: [[ filter.value ]],
[% endfor %]
    },
    orderBy: orderBy<Prisma.[[ n.pascal ]]OrderByWithRelationInput>(options.sort),
    take: options.limit + 1,
  })
  return toPage([[ many ]], options.limit, options.sort)
}

export async function find[[ n.pascal ]]ById(id: string[[ owner_param ]]): Promise<[[ n.pascal ]] | undefined> {
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
[% endif %]
export async function [[ n.camel ]]Exists(id: string[[ owner_param ]]): Promise<boolean> {
  const db = await getDb()
  const row = await db.[[ model ]].findFirst({
    select: { id: true },
    where: { id[[ scope ]] },
  })
  return row !== null
}

export async function insert[[ n.pascal ]](values: New[[ n.pascal ]]): Promise<[[ n.pascal ]]> {
  const db = await getDb()
  const row = await db.[[ model ]].create({
    select: [[ n.camel ]]Select,
[% if prisma.create_entries %]
    data: {
      ...values,
[% for entry in prisma.create_entries %]
      [[ entry.key ]]: [[ entry.value ]],
[% endfor %]
    },
[% else %]
    data: values,
[% endif %]
  })
  return [[ one ]]
}

export async function update[[ n.pascal ]]ById(id: string, changes: [[ n.pascal ]]Changes[[ owner_param ]]): Promise<[[ n.pascal ]] | undefined> {
  const db = await getDb()
  const [row] = await db.[[ model ]].updateManyAndReturn({
    select: [[ n.camel ]]Select,
    where: { id[[ scope ]] },
[% if prisma.update_entries %]
    data: {
      ...changes,
[% for entry in prisma.update_entries %]
      [[ entry.key ]]: [[ entry.value ]],
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

export async function delete[[ n.pascal ]]ById(id: string[[ owner_param ]]): Promise<boolean> {
  const db = await getDb()
  const { count } = await db.[[ model ]].deleteMany({ where: { id[[ scope ]] } })
  return count > 0
}
