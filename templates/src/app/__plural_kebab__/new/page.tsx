[% set n = resource.names %]
[% set guard = app.auth.enabled and not resource.access.create.public %]
import type { Metadata } from 'next'
[% if guard %]
import { currentActor } from '@/app/session'
[% endif %]
import { [[ n.pascal ]]Form } from '@/components/features/[[ n.kebab ]]-form'
[% if guard %]
import { loadForPage } from '@/lib/pages'
import { authorize } from '@/services/access'
import { [[ n.camel ]]Access } from '@/services/[[ n.kebab ]].service'
[% endif %]
import { create[[ n.pascal ]]Action } from '../actions'

export const metadata: Metadata = {
  title: 'New [[ n.human ]]',
}

[% if guard %]
export default async function New[[ n.pascal ]]Page() {
  // Only those who may create see the form: visitors sign in first, others get a 404.
  const actor = await currentActor()
  await loadForPage(async () => authorize(actor, [[ n.camel ]]Access.create))

[% else %]
export default function New[[ n.pascal ]]Page() {
[% endif %]
  return (
    <main>
      <h1>New [[ n.human ]]</h1>
      [[ jsx(tag=n.pascal ~ "Form", attrs=["action={create" ~ n.pascal ~ "Action}", "submitLabel=\"Create " ~ n.human ~ "\""], indent=6) ]]
    </main>
  )
}
