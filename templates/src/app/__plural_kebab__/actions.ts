[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set caller = "caller, " %]
[% else %]
[% set caller = "" %]
[% endif %]
[# A rule that isn't public is checked before the form is read, as in the route handlers. #]
[% set guard_create = auth and not resource.access.create.public %]
[% set guard_update = auth and not resource.access.update.public %]
'use server'

import { revalidatePath } from 'next/cache'
[% if auth %]
import { headers } from 'next/headers'
[% endif %]
import { redirect } from 'next/navigation'
[% if auth %]
import { currentCaller } from '@/app/session'
[% endif %]
[[ resource.form.readers_import ]]
[% if auth %]
import { isSameOriginRequest, parseId } from '@/lib/http'
[% else %]
import { parseId } from '@/lib/http'
[% endif %]
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", "update" ~ n.pascal ~ "Schema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if guard_create or guard_update %]
import { authorize } from '@/services/access'
[[ wrap(open="import {", items=["create" ~ n.pascal, "delete" ~ n.pascal, "update" ~ n.pascal, n.camel ~ "Access"], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
[% else %]
[[ wrap(open="import {", items=["create" ~ n.pascal, "delete" ~ n.pascal, "update" ~ n.pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
[% endif %]
import type { FormState } from '@/types'
[% if auth %]

// The session cookie must not act for another site's form (Next.js lets a missing Origin through).
const crossSite: FormState = { message: 'Cross-site requests are not allowed.' }
[% endif %]

/** The submitted form, as the create and update schemas expect it. */
[[ wrap(open="function " ~ n.camel ~ "Input(", items=["form: FormData"], close="): Record<string, unknown> {") ]]
  return {
[% for field in resource.fields %]
    [[ field.form.read ]]
[% endfor %]
  }
}

[[ wrap(open="export async function create" ~ n.pascal ~ "Action(", items=["_state: FormState", "form: FormData"], close="): Promise<FormState> {") ]]
[% if auth %]
  if (!isSameOriginRequest(await headers())) {
    return crossSite
  }
[% endif %]
  let id: string
  try {
[% if auth %]
    const caller = await currentCaller()
[% endif %]
[% if guard_create %]
    authorize(caller, [[ n.camel ]]Access.create)
[% endif %]
    [[ assign(lhs="const input =", head="create" ~ n.pascal ~ "Schema.parse", args=[n.camel ~ "Input(form)"], indent=4) ]]
    id = (await create[[ n.pascal ]]([[ caller ]]input)).id
  } catch (error) {
    return formFailure(error, form)
  }
  revalidatePath('/[[ n.plural_kebab ]]')
  redirect(`/[[ n.plural_kebab ]]/${id}?notice=created`)
}

[[ wrap(open="export async function update" ~ n.pascal ~ "Action(", items=["id: string", "_state: FormState", "form: FormData"], close="): Promise<FormState> {") ]]
[% if auth %]
  if (!isSameOriginRequest(await headers())) {
    return crossSite
  }
[% endif %]
  try {
[% if auth %]
    const caller = await currentCaller()
[% endif %]
[% if guard_update %]
    authorize(caller, [[ n.camel ]]Access.update)
[% endif %]
    [[ assign(lhs="const input =", head="update" ~ n.pascal ~ "Schema.parse", args=[n.camel ~ "Input(form)"], indent=4) ]]
    await update[[ n.pascal ]]([[ caller ]]parseId(id), input)
  } catch (error) {
    return formFailure(error, form)
  }
  revalidatePath('/[[ n.plural_kebab ]]')
  redirect(`/[[ n.plural_kebab ]]/${id}?notice=updated`)
}

[[ wrap(open="export async function delete" ~ n.pascal ~ "Action(", items=["id: string", "_state: FormState", "form: FormData"], close="): Promise<FormState> {") ]]
[% if auth %]
  if (!isSameOriginRequest(await headers())) {
    return crossSite
  }
[% endif %]
  try {
[% if auth %]
    await delete[[ n.pascal ]](await currentCaller(), parseId(id))
[% else %]
    await delete[[ n.pascal ]](parseId(id))
[% endif %]
  } catch (error) {
    return formFailure(error, form)
  }
  revalidatePath('/[[ n.plural_kebab ]]')
  redirect('/[[ n.plural_kebab ]]?notice=deleted')
}
