[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% set owned = resource.owned %]
[% if auth %]
[% set who = "caller: Caller | null" %]
[% else %]
[% set who = "" %]
[% endif %]
[% if owned %]
[% set scope = ", scope.ownerId" %]
[% else %]
[% set scope = "" %]
[% endif %]
import 'server-only'
[[ wrap(open="import {", items=resource.code.service_dal_imports, close="} from '@/dal'", padded=true) ]]
[[ wrap(open="import {", items=resource.code.service_error_imports, close="} from '@/lib/errors'", padded=true) ]]
[[ wrap(open="import type {", items=[n.pascal ~ "ListQuery", "Create" ~ n.pascal ~ "Input", "Update" ~ n.pascal ~ "Input"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if auth %]
[% if resource.choices %]
import type { Caller, Choices, Paginated, ResourceAccess } from '@/types'
[% else %]
import type { Caller, Paginated, ResourceAccess } from '@/types'
[% endif %]
[[ wrap(open="import {", items=resource.code.service_access_imports, close="} from './access'", padded=true) ]]
[% for line in resource.code.service_rule_imports %]
[[ line ]]
[% endfor %]

export const [[ n.camel ]]Access: ResourceAccess = {
  list: [[ resource.access.list.ts ]],
  read: [[ resource.access.read.ts ]],
  create: [[ resource.access.create.ts ]],
  update: [[ resource.access.update.ts ]],
  delete: [[ resource.access.delete.ts ]],
}
[% elif resource.choices %]
import type { Choices, Paginated } from '@/types'
[% else %]
import type { Paginated } from '@/types'
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]

/** Only a [[ check.target_human ]] the caller may read can be referenced: any other is as good as missing. */
[[ wrap(open="async function " ~ check.assert ~ "(", items=["caller: Caller | null", "id: string | null | undefined"], close="): Promise<void> {") ]]
  if (!id) {
    return
  }
  const scope = scopeOf(caller, [[ check.target_access ]].read)
[% if check.scoped %]
  if (!scope || !(await [[ check.exists ]](id, scope.ownerId))) {
[% else %]
  if (!scope || !(await [[ check.exists ]](id))) {
[% endif %]
[% else %]

[[ wrap(open="async function " ~ check.assert ~ "(", items=["id: string | null | undefined"], close="): Promise<void> {") ]]
  if (id && !(await [[ check.exists ]](id))) {
[% endif %]
    [[ wrap(open="throw referenceNotFound(", items=["'" ~ check.field ~ "'", "'" ~ check.target_human ~ "'"], close=")", indent=4) ]]
  }
}
[% endfor %]

[[ wrap(open="export async function list" ~ n.plural_pascal ~ "(", items=[who, "query: " ~ n.pascal ~ "ListQuery"], close="): Promise<Paginated<" ~ n.pascal ~ ">> {") ]]
[% if auth and owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.list)
  return find[[ n.plural_pascal ]]({ ...query, ownerId: scope.ownerId })
[% else %]
[% if auth %]
  authorize(caller, [[ n.camel ]]Access.list)
[% endif %]
  return find[[ n.plural_pascal ]](query)
[% endif %]
}

/** How many [[ n.plural_human ]] the caller may list[[ ": their own" if owned else "" ]]. */
[[ wrap(open="export async function get" ~ n.pascal ~ "Count(", items=[who], close="): Promise<number> {") ]]
[% if auth and owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.list)
  return count[[ n.plural_pascal ]](scope.ownerId)
[% else %]
[% if auth %]
  authorize(caller, [[ n.camel ]]Access.list)
[% endif %]
  return count[[ n.plural_pascal ]]()
[% endif %]
}
[% if resource.choices %]

/**
 * Up to 100 [[ n.plural_human ]] the caller may list, as the options of a field that refers to one; the saved
 * choice (`current`) stays among them when it is not in the first 100.
 */
[[ wrap(open="export async function list" ~ n.pascal ~ "Choices(", items=[who, "current?: string | null"], close="): Promise<Choices> {") ]]
[% if auth %]
  const scope = scopeOf(caller, [[ n.camel ]]Access.list)
  if (!scope) {
    return { options: [], more: false }
  }
[% endif %]
  [[ wrap(open="const page = await find" ~ n.plural_pascal ~ "({", items=["limit: 100", "sort: " ~ resource.choices.sort, "ownerId: scope.ownerId" if owned else ""], close="})", indent=2, padded=true) ]]
  [[ wrap(open="const options = page.data.map((row) => ({", items=["value: row.id", "label: " ~ resource.choices.label], close="}))", indent=2, padded=true) ]]
  if (current && !options.some((option) => option.value === current)) {
    const row = await find[[ n.pascal ]]ById(current[[ scope ]])
    if (row) {
      [[ wrap(open="options.unshift({", items=["value: row.id", "label: " ~ resource.choices.label], close="})", indent=6, padded=true) ]]
    }
  }
  return { options, more: page.nextCursor !== null }
}
[% endif %]

[[ wrap(open="export async function get" ~ n.pascal ~ "(", items=[who, "id: string"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% if owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.read)
[% elif auth %]
  authorize(caller, [[ n.camel ]]Access.read)
[% endif %]
  [[ assign(lhs="const found =", head="await find" ~ n.pascal ~ "ById", args=["id", "scope.ownerId" if owned else ""], indent=2) ]]
  if (!found) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return found
}

[[ wrap(open="export async function create" ~ n.pascal ~ "(", items=[who, "input: Create" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% if auth %]
  authorize(caller, [[ n.camel ]]Access.create)
[% endif %]
[% if owned %]
  const owner = requireCaller(caller)
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]
  [[ wrap(open="await " ~ check.assert ~ "(", items=["caller", "input." ~ check.field], close=")", indent=2) ]]
[% else %]
  [[ wrap(open="await " ~ check.assert ~ "(", items=["input." ~ check.field], close=")", indent=2) ]]
[% endif %]
[% endfor %]
[% if owned %]
  [[ wrap(open="return insert" ~ n.pascal ~ "({ ...input, userId: owner.userId }).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% else %]
  [[ wrap(open="return insert" ~ n.pascal ~ "(input).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% endif %]
}

[[ wrap(open="export async function update" ~ n.pascal ~ "(", items=[who, "id: string", "input: Update" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% if owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.update)
[% elif auth %]
  authorize(caller, [[ n.camel ]]Access.update)
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]
  [[ wrap(open="await " ~ check.assert ~ "(", items=["caller", "input." ~ check.field], close=")", indent=2) ]]
[% else %]
  [[ wrap(open="await " ~ check.assert ~ "(", items=["input." ~ check.field], close=")", indent=2) ]]
[% endif %]
[% endfor %]
  const updated = await update[[ n.pascal ]]ById(id, input[[ scope ]]).catch(translateDatabaseError)
  if (!updated) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return updated
}

[[ wrap(open="export async function delete" ~ n.pascal ~ "(", items=[who, "id: string"], close="): Promise<void> {") ]]
[% if owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.delete)
[% elif auth %]
  authorize(caller, [[ n.camel ]]Access.delete)
[% endif %]
  const deleted = await delete[[ n.pascal ]]ById(id[[ scope ]])
  if (!deleted) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
}
