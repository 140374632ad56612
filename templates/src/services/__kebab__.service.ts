[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% set owned = resource.owned %]
[% if auth %]
[% set who = "caller: Caller | null, " %]
[% else %]
[% set who = "" %]
[% endif %]
[% if owned %]
[% set scope = ", scope.ownerId" %]
[% else %]
[% set scope = "" %]
[% endif %]
import 'server-only'
import { [[ resource.code.service_dal_imports | join(sep=", ") ]] } from '@/dal'
import { [[ resource.code.service_error_imports | join(sep=", ") ]] } from '@/lib/errors'
import type { [[ n.pascal ]]ListQuery, Create[[ n.pascal ]]Input, Update[[ n.pascal ]]Input } from '@/schemas/[[ n.kebab ]].schema'
[% if auth %]
[% if resource.choices %]
import type { Caller, Choices, Paginated, ResourceAccess } from '@/types'
[% else %]
import type { Caller, Paginated, ResourceAccess } from '@/types'
[% endif %]
import { [[ resource.code.service_access_imports | join(sep=", ") ]] } from './access'
[% for line in resource.code.service_rule_imports %]
[[ line ]]
[% endfor %]

export const [[ n.camel ]]Access: ResourceAccess = {
  list: [ [[ resource.access.list.literals | quoted | join(sep=", ") ]] ],
  read: [ [[ resource.access.read.literals | quoted | join(sep=", ") ]] ],
  create: [ [[ resource.access.create.literals | quoted | join(sep=", ") ]] ],
  update: [ [[ resource.access.update.literals | quoted | join(sep=", ") ]] ],
  delete: [ [[ resource.access.delete.literals | quoted | join(sep=", ") ]] ],
}
[% elif resource.choices %]
import type { Choices, Paginated } from '@/types'
[% else %]
import type { Paginated } from '@/types'
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]

/** Only a [[ check.target_human ]] the caller may read can be referenced: any other is as good as missing. */
async function [[ check.assert ]](caller: Caller | null, id: string | null | undefined): Promise<void> {
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

async function [[ check.assert ]](id: string | null | undefined): Promise<void> {
  if (id && !(await [[ check.exists ]](id))) {
[% endif %]
    throw referenceNotFound('[[ check.field ]]', '[[ check.target_human ]]')
  }
}
[% endfor %]

export async function list[[ n.plural_pascal ]]([[ who ]]query: [[ n.pascal ]]ListQuery): Promise<Paginated<[[ n.pascal ]]>> {
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
export async function get[[ n.pascal ]]Count([[ who ]]): Promise<number> {
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
export async function list[[ n.pascal ]]Choices([[ who ]]current?: string | null): Promise<Choices> {
[% if auth %]
  const scope = scopeOf(caller, [[ n.camel ]]Access.list)
  if (!scope) {
    return { options: [], more: false }
  }
[% endif %]
  const page = await find[[ n.plural_pascal ]]({ limit: 100, sort: '[[ resource.choices.sort ]]'[% if owned %], ownerId: scope.ownerId[% endif %] })
  const options = page.data.map((row) => ({ value: row.id, label: row.[[ resource.choices.label ]] }))
  if (current && !options.some((option) => option.value === current)) {
    const row = await find[[ n.pascal ]]ById(current[[ scope ]])
    if (row) {
      options.unshift({ value: row.id, label: row.[[ resource.choices.label ]] })
    }
  }
  return { options, more: page.nextCursor !== null }
}
[% endif %]

export async function get[[ n.pascal ]]([[ who ]]id: string): Promise<[[ n.pascal ]]> {
[% if owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.read)
[% elif auth %]
  authorize(caller, [[ n.camel ]]Access.read)
[% endif %]
  const found = await find[[ n.pascal ]]ById(id[[ scope ]])
  if (!found) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return found
}

export async function create[[ n.pascal ]]([[ who ]]input: Create[[ n.pascal ]]Input): Promise<[[ n.pascal ]]> {
[% if auth %]
  authorize(caller, [[ n.camel ]]Access.create)
[% endif %]
[% if owned %]
  const owner = requireCaller(caller)
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]
  await [[ check.assert ]](caller, input.[[ check.field ]])
[% else %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endif %]
[% endfor %]
[% if owned %]
  return insert[[ n.pascal ]]({ ...input, userId: owner.userId }).catch(translateDatabaseError)
[% else %]
  return insert[[ n.pascal ]](input).catch(translateDatabaseError)
[% endif %]
}

export async function update[[ n.pascal ]]([[ who ]]id: string, input: Update[[ n.pascal ]]Input): Promise<[[ n.pascal ]]> {
[% if owned %]
  const scope = authorize(caller, [[ n.camel ]]Access.update)
[% elif auth %]
  authorize(caller, [[ n.camel ]]Access.update)
[% endif %]
[% for check in resource.code.ref_checks %]
[% if check.target_access %]
  await [[ check.assert ]](caller, input.[[ check.field ]])
[% else %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endif %]
[% endfor %]
  const updated = await update[[ n.pascal ]]ById(id, input[[ scope ]]).catch(translateDatabaseError)
  if (!updated) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return updated
}

export async function delete[[ n.pascal ]]([[ who ]]id: string): Promise<void> {
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
