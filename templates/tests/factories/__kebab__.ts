[% set n = resource.names %]
[% set t = resource.tests %]
[% if t.needs_owner %]
[% set params = "n: number, ownerId: string" %]
[% else %]
[% set params = "n: number" %]
[% endif %]
[% if t.body_needs_owner %]
[% set body_params = "n: number, ownerId: string" %]
[% set args = "n, ownerId" %]
[% else %]
[% set body_params = "n: number" %]
[% set args = "n" %]
[% endif %]
import { insert[[ n.pascal ]], type [[ n.pascal ]] } from '@/dal'
import { create[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% for factory in t.factories %]
import { [[ factory.name ]] } from './[[ factory.kebab ]]'
[% endfor %]

/** A valid body for `POST /api/[[ n.plural_kebab ]]`; the rows it references are created first. */
export async function [[ n.camel ]]Body([[ body_params ]]): Promise<Record<string, unknown>> {
[% if t.body | length > 0 %]
  return {
[% for entry in t.body %]
[% if entry.owner %]
    [[ entry.key ]]: ownerId,
[% elif entry.row_of %]
    [[ entry.key ]]: (await [[ entry.row_of.name ]](n[% if entry.row_of.needs_owner %], ownerId[% endif %])).id,
[% else %]
    [[ entry.key ]]: [[ resource.code.examples[entry.key] ]],
[% endif %]
[% endfor %]
  }
[% else %]
  return {}
[% endif %]
}

/** A [[ n.human ]] inserted straight through the DAL, bypassing the API and its access rules. */
export async function create[[ n.pascal ]]Row([[ params ]]): Promise<[[ n.pascal ]]> {
  const input = create[[ n.pascal ]]Schema.parse(await [[ n.camel ]]Body([[ args ]]))
[% if resource.owned %]
  return insert[[ n.pascal ]]({ ...input, userId: ownerId })
[% else %]
  return insert[[ n.pascal ]](input)
[% endif %]
}
