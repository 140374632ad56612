[% set n = resource.names %]
[% set auth = app.auth.enabled %]
import 'server-only'
[[ wrap(open="import {", items=resource.code.service_dal_imports, close="} from '@/dal'", padded=true) ]]
[[ wrap(open="import {", items=resource.code.service_error_imports, close="} from '@/lib/errors'", padded=true) ]]
[[ wrap(open="import type {", items=[n.pascal ~ "ListQuery", "Create" ~ n.pascal ~ "Input", "Update" ~ n.pascal ~ "Input"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if auth %]
import type { Actor, Page, ResourceAccess } from '@/types'
[% if resource.owned %]
import { authorize, requireActor } from './access'
[% else %]
import { authorize } from './access'
[% endif %]

export const [[ n.camel ]]Access: ResourceAccess = {
  list: [[ resource.access.list.ts ]],
  read: [[ resource.access.read.ts ]],
  create: [[ resource.access.create.ts ]],
  update: [[ resource.access.update.ts ]],
  delete: [[ resource.access.delete.ts ]],
}
[% else %]
import type { Page } from '@/types'
[% endif %]
[% for check in resource.code.ref_checks %]

[[ wrap(open="async function " ~ check.assert ~ "(", items=[check.field ~ ": string | null | undefined"], close="): Promise<void> {") ]]
  if ([[ check.field ]] && !(await [[ check.exists ]]([[ check.field ]]))) {
    throw new ValidationError('The referenced [[ check.target_human ]] does not exist.', [
      { path: ['[[ check.field ]]'], message: '[[ check.target_human | capitalize ]] not found.' },
    ])
  }
}
[% endfor %]

[% if auth %]
[[ wrap(open="export async function list" ~ n.plural_pascal ~ "(", items=["actor: Actor | null", "query: " ~ n.pascal ~ "ListQuery"], close="): Promise<Page<" ~ n.pascal ~ ">> {") ]]
[% if resource.owned %]
  const scope = authorize(actor, [[ n.camel ]]Access.list)
  return find[[ n.plural_pascal ]]({ ...query, ownerId: scope.ownerId })
[% else %]
  authorize(actor, [[ n.camel ]]Access.list)
  return find[[ n.plural_pascal ]](query)
[% endif %]
}

[[ wrap(open="export async function get" ~ n.pascal ~ "(", items=["actor: Actor | null", "id: string"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% if resource.owned %]
  const scope = authorize(actor, [[ n.camel ]]Access.read)
  const [[ n.camel ]] = await find[[ n.pascal ]]ById(id, scope.ownerId)
[% else %]
  authorize(actor, [[ n.camel ]]Access.read)
  const [[ n.camel ]] = await find[[ n.pascal ]]ById(id)
[% endif %]
  if (![[ n.camel ]]) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return [[ n.camel ]]
}

[[ wrap(open="export async function create" ~ n.pascal ~ "(", items=["actor: Actor | null", "input: Create" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
  authorize(actor, [[ n.camel ]]Access.create)
[% if resource.owned %]
  const owner = requireActor(actor)
[% endif %]
[% for check in resource.code.ref_checks %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endfor %]
[% if resource.owned %]
  [[ wrap(open="return insert" ~ n.pascal ~ "({ ...input, userId: owner.userId }).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% else %]
  [[ wrap(open="return insert" ~ n.pascal ~ "(input).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% endif %]
}

[[ wrap(open="export async function update" ~ n.pascal ~ "(", items=["actor: Actor | null", "id: string", "input: Update" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% if resource.owned %]
  const scope = authorize(actor, [[ n.camel ]]Access.update)
[% else %]
  authorize(actor, [[ n.camel ]]Access.update)
[% endif %]
[% for check in resource.code.ref_checks %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endfor %]
[% if resource.owned %]
  [[ wrap(open="const " ~ n.camel ~ " = await update" ~ n.pascal ~ "ById(id, input, scope.ownerId).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% else %]
  [[ wrap(open="const " ~ n.camel ~ " = await update" ~ n.pascal ~ "ById(id, input).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
[% endif %]
  if (![[ n.camel ]]) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return [[ n.camel ]]
}

[[ wrap(open="export async function delete" ~ n.pascal ~ "(", items=["actor: Actor | null", "id: string"], close="): Promise<void> {") ]]
[% if resource.owned %]
  const scope = authorize(actor, [[ n.camel ]]Access.delete)
  const deleted = await delete[[ n.pascal ]]ById(id, scope.ownerId)
[% else %]
  authorize(actor, [[ n.camel ]]Access.delete)
  const deleted = await delete[[ n.pascal ]]ById(id)
[% endif %]
  if (!deleted) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
}
[% else %]
[[ wrap(open="export async function list" ~ n.plural_pascal ~ "(", items=["query: " ~ n.pascal ~ "ListQuery"], close="): Promise<Page<" ~ n.pascal ~ ">> {") ]]
  return find[[ n.plural_pascal ]](query)
}

export async function get[[ n.pascal ]](id: string): Promise<[[ n.pascal ]]> {
  const [[ n.camel ]] = await find[[ n.pascal ]]ById(id)
  if (![[ n.camel ]]) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return [[ n.camel ]]
}

[[ wrap(open="export async function create" ~ n.pascal ~ "(", items=["input: Create" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% for check in resource.code.ref_checks %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endfor %]
  [[ wrap(open="return insert" ~ n.pascal ~ "(input).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
}

[[ wrap(open="export async function update" ~ n.pascal ~ "(", items=["id: string", "input: Update" ~ n.pascal ~ "Input"], close="): Promise<" ~ n.pascal ~ "> {") ]]
[% for check in resource.code.ref_checks %]
  await [[ check.assert ]](input.[[ check.field ]])
[% endfor %]
  [[ wrap(open="const " ~ n.camel ~ " = await update" ~ n.pascal ~ "ById(id, input).catch(", items=["translateDatabaseError"], close=")", indent=2) ]]
  if (![[ n.camel ]]) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
  return [[ n.camel ]]
}

export async function delete[[ n.pascal ]](id: string): Promise<void> {
  const deleted = await delete[[ n.pascal ]]ById(id)
  if (!deleted) {
    throw new NotFoundError('[[ n.human | capitalize ]] not found.')
  }
}
[% endif %]
