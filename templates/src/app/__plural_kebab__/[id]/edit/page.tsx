[% set n = resource.names %]
[% set auth = app.auth.enabled %]
import type { Metadata } from 'next'
[% if auth %]
import { currentCaller } from '@/app/session'
[% endif %]
import { [[ n.pascal ]]Form } from '@/components/features/[[ n.kebab ]]-form'
import { PageHeader } from '@/components/layout/page-header'
import { Card, CardContent } from '@/components/ui/card'
import { parseId } from '@/lib/http'
import { loadForPage } from '@/lib/pages'
[% for choices in resource.form.choices %]
[% if choices.service != n.kebab %]
import { [[ choices.function ]] } from '@/services/[[ choices.service ]].service'
[% endif %]
[% endfor %]
[[ wrap(open="import {", items=["get" ~ n.pascal, resource.form.self_choices], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
import type { FormValues } from '@/types'
import { update[[ n.pascal ]]Action } from '../../actions'

export const metadata: Metadata = {
  title: 'Edit [[ n.human ]]',
}

type Props = {
  params: Promise<{ id: string }>
}

[[ wrap(open="export default async function Edit" ~ n.pascal ~ "Page({", items=["params"], close="}: Props) {", padded=true) ]]
  const { id } = await params
[% if auth %]
  const caller = await currentCaller()
  [[ arrow_call(head="const row = await loadForPage", body="get" ~ n.pascal ~ "(caller, parseId(id))", indent=2) ]]
[% else %]
  [[ arrow_call(head="const row = await loadForPage", body="get" ~ n.pascal ~ "(parseId(id))", indent=2) ]]
[% endif %]
  // The saved row as the form's starting values (private fields start empty).
  const defaults: FormValues = {
[% for field in resource.fields %]
    [[ field.form.default ]]
[% endfor %]
  }
[% if resource.form.choices %]
  const choices = {
[% for field in resource.fields %]
[% if field.form.choices %]
[% if field.spec.private %]
    [[ assign(lhs=field.form.choices.key ~ ":", head="await " ~ field.form.choices.function, args=["caller" if auth else ""], suffix=",", indent=4) ]]
[% else %]
    [[ assign(lhs=field.form.choices.key ~ ":", head="await " ~ field.form.choices.function, args=["caller" if auth else "", "row." ~ field.names.camel], suffix=",", indent=4) ]]
[% endif %]
[% endif %]
[% endfor %]
  }
[% endif %]

  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-10">
      <PageHeader title="Edit [[ n.human ]]" />
      <Card>
        <CardContent>
          [[ jsx(tag=n.pascal ~ "Form", attrs=["action={update" ~ n.pascal ~ "Action.bind(null, row.id)}", "defaults={defaults}", "choices={choices}" if resource.form.choices else "", "submitLabel=\"Save\""], indent=10) ]]
        </CardContent>
      </Card>
    </main>
  )
}
