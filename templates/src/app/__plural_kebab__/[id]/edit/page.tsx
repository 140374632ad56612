[% set n = resource.names %]
[% set auth = app.auth.enabled %]
import type { Metadata } from 'next'
[% if auth %]
import { currentActor } from '@/app/session'
[% endif %]
import { [[ n.pascal ]]Form } from '@/components/features/[[ n.kebab ]]-form'
import { parseId } from '@/lib/http'
import { loadForPage } from '@/lib/pages'
import { get[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
import type { FormValues } from '@/types'
import { update[[ n.pascal ]]Action } from '../../actions'

export const metadata: Metadata = {
  title: 'Edit [[ n.human ]]',
}

type Props = {
  params: Promise<{ id: string }>
}

export default async function Edit[[ n.pascal ]]Page({ params }: Props) {
  const { id } = await params
[% if auth %]
  const actor = await currentActor()
  const row = await loadForPage(() => get[[ n.pascal ]](actor, parseId(id)))
[% else %]
  const row = await loadForPage(() => get[[ n.pascal ]](parseId(id)))
[% endif %]
  // The saved row as the form's starting values (private fields start empty).
  const defaults: FormValues = {
[% for field in resource.fields %]
    [[ field.form.default ]]
[% endfor %]
  }

  return (
    <main>
      <h1>Edit [[ n.human ]]</h1>
      [[ jsx(tag=n.pascal ~ "Form", attrs=["action={update" ~ n.pascal ~ "Action.bind(null, row.id)}", "defaults={defaults}", "submitLabel=\"Save\""], indent=6) ]]
    </main>
  )
}
