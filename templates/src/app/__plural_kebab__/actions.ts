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
import { formFailure, [[ resource.form.readers | join(sep=", ") ]] } from '@/lib/forms'
[% if auth %]
import { isSameOriginRequest, parseId } from '@/lib/http'
[% else %]
import { parseId } from '@/lib/http'
[% endif %]
import { create[[ n.pascal ]]Schema, update[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% if guard_create or guard_update %]
import { authorize } from '@/services/access'
import { create[[ n.pascal ]], delete[[ n.pascal ]], update[[ n.pascal ]], [[ n.camel ]]Access } from '@/services/[[ n.kebab ]].service'
[% else %]
import { create[[ n.pascal ]], delete[[ n.pascal ]], update[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
[% endif %]
import type { FormState } from '@/types'
[% if auth %]

// The session cookie must not act for another site's form (Next.js lets a missing Origin through).
const crossSite: FormState = { message: 'Cross-site requests are not allowed.' }
[% endif %]

/** The submitted form, as the create and update schemas expect it. */
function [[ n.camel ]]Input(form: FormData): Record<string, unknown> {
  return {
[% for field in resource.fields %]
[% set empty = field.form.if_empty %]
[% if empty == "keep" %]
    [[ field.names.camel ]]: [[ field.form.reader ]](form, '[[ field.names.camel ]]', { keepIfEmpty: true }),
[% elif empty == "clear" %]
    [[ field.names.camel ]]: [[ field.form.reader ]](form, '[[ field.names.camel ]]', { optional: true }),
[% else %]
    [[ field.names.camel ]]: [[ field.form.reader ]](form, '[[ field.names.camel ]]'),
[% endif %]
[% endfor %]
  }
}

export async function create[[ n.pascal ]]Action(_state: FormState, form: FormData): Promise<FormState> {
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
    const input = create[[ n.pascal ]]Schema.parse([[ n.camel ]]Input(form))
    id = (await create[[ n.pascal ]]([[ caller ]]input)).id
  } catch (error) {
    return formFailure(error, form)
  }
  revalidatePath('/[[ n.plural_kebab ]]')
  redirect(`/[[ n.plural_kebab ]]/${id}?notice=created`)
}

export async function update[[ n.pascal ]]Action(id: string, _state: FormState, form: FormData): Promise<FormState> {
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
    const input = update[[ n.pascal ]]Schema.parse([[ n.camel ]]Input(form))
    await update[[ n.pascal ]]([[ caller ]]parseId(id), input)
  } catch (error) {
    return formFailure(error, form)
  }
  revalidatePath('/[[ n.plural_kebab ]]')
  redirect(`/[[ n.plural_kebab ]]/${id}?notice=updated`)
}

export async function delete[[ n.pascal ]]Action(id: string, _state: FormState, form: FormData): Promise<FormState> {
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
