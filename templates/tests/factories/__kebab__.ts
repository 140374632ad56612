[% set n = resource.names %]
[% if resource.tests.needs_owner %]
[% set params = "n: number, ownerId: string" %]
[% else %]
[% set params = "n: number" %]
[% endif %]
[% if resource.tests.body_needs_owner %]
[% set body_params = "n: number, ownerId: string" %]
[% set args = "n, ownerId" %]
[% else %]
[% set body_params = "n: number" %]
[% set args = "n" %]
[% endif %]
[[ wrap(open="import {", items=["insert" ~ n.pascal, "type " ~ n.pascal], close="} from '@/dal'", padded=true) ]]
import { create[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% for line in resource.tests.factory_imports %]
[[ line ]]
[% endfor %]

/** A valid body for `POST /api/[[ n.plural_kebab ]]`; the rows it references are created first. */
[[ wrap(open="export async function " ~ n.camel ~ "Body(", items=body_params | split(pat=", "), close="): Promise<Record<string, unknown>> {") ]]
[% if resource.tests.body | length > 0 %]
  return {
[% for entry in resource.tests.body %]
    [[ entry ]]
[% endfor %]
  }
[% else %]
  return {}
[% endif %]
}

/** A [[ n.human ]] inserted straight through the DAL, bypassing the API and its access rules. */
[[ wrap(open="export async function create" ~ n.pascal ~ "Row(", items=params | split(pat=", "), close="): Promise<" ~ n.pascal ~ "> {") ]]
  [[ assign(lhs="const input =", head="create" ~ n.pascal ~ "Schema.parse", args=["await " ~ n.camel ~ "Body(" ~ args ~ ")"], indent=2) ]]
[% if resource.owned %]
  return insert[[ n.pascal ]]({ ...input, userId: ownerId })
[% else %]
  return insert[[ n.pascal ]](input)
[% endif %]
}
