[% set n = resource.names %]
[% set guard = app.auth.enabled and not resource.access.create.public %]
[% set auth = app.auth.enabled %]
[% set needs_actor = guard or (auth and resource.form.choices) %]
import type { Metadata } from 'next'
[% if needs_actor %]
import { currentCaller } from '@/app/session'
[% endif %]
import { [[ n.pascal ]]Form } from '@/components/features/[[ n.kebab ]]-form'
import { PageHeader } from '@/components/layout/page-header'
import { Card, CardContent } from '@/components/ui/card'
[% if guard %]
import { loadForPage } from '@/lib/pages'
import { authorize } from '@/services/access'
[% endif %]
[% for choices in resource.form.choices %]
[% if choices.service != n.kebab %]
import { [[ choices.function ]] } from '@/services/[[ choices.service ]].service'
[% endif %]
[% endfor %]
[% if guard %]
[% if resource.form.self_choices %]
import { [[ n.camel ]]Access, [[ resource.form.self_choices ]] } from '@/services/[[ n.kebab ]].service'
[% else %]
import { [[ n.camel ]]Access } from '@/services/[[ n.kebab ]].service'
[% endif %]
[% elif resource.form.self_choices %]
import { [[ resource.form.self_choices ]] } from '@/services/[[ n.kebab ]].service'
[% endif %]
[% if resource.form.has_new_defaults %]
import type { FormValues } from '@/types'
[% endif %]
import { create[[ n.pascal ]]Action } from '../actions'

export const metadata: Metadata = {
  title: 'New [[ n.human ]]',
}

[% if needs_actor %]
export default async function New[[ n.pascal ]]Page() {
  const caller = await currentCaller()
[% if guard %]
  // Only those who may create see the form: visitors sign in first, others get a 404.
  await loadForPage(async () => authorize(caller, [[ n.camel ]]Access.create))
[% endif %]
[% elif resource.form.choices %]
export default async function New[[ n.pascal ]]Page() {
[% else %]
export default function New[[ n.pascal ]]Page() {
[% endif %]
[% if resource.form.choices %]
  const choices = {
[% for choices in resource.form.choices %]
    [[ choices.key ]]: await [[ choices.function ]]([[ "caller" if auth else "" ]]),
[% endfor %]
  }
[% endif %]
[% if resource.form.has_new_defaults %]
  // A new [[ n.human ]] starts from the defaults of strata.toml.
  const defaults: FormValues = {
[% for field in resource.fields %]
[% set value = field.form.new_default %]
[% if value is bool %]
    [[ field.names.camel ]]: [[ value ]],
[% elif value is string %]
    [[ field.names.camel ]]: '[[ value | replace(from="\\", to="\\\\") | replace(from="'", to="\\'") ]]',
[% endif %]
[% endfor %]
  }
[% endif %]
[% if needs_actor or resource.form.choices or resource.form.has_new_defaults %]

[% endif %]
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-10">
      <PageHeader title="New [[ n.human ]]" />
      <Card>
        <CardContent>
          <[[ n.pascal ]]Form action={create[[ n.pascal ]]Action}[% if resource.form.has_new_defaults %] defaults={defaults}[% endif %][% if resource.form.choices %] choices={choices}[% endif %] submitLabel="Create [[ n.human ]]" />
        </CardContent>
      </Card>
    </main>
  )
}
