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
[% if resource.form.self_choices %]
import { get[[ n.pascal ]], [[ resource.form.self_choices ]] } from '@/services/[[ n.kebab ]].service'
[% else %]
import { get[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
[% endif %]
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
  const caller = await currentCaller()
  const row = await loadForPage(() => get[[ n.pascal ]](caller, parseId(id)))
[% else %]
  const row = await loadForPage(() => get[[ n.pascal ]](parseId(id)))
[% endif %]
  // The saved row as the form's starting values (private fields start empty).
  const defaults: FormValues = {
[% for field in resource.fields %]
[% set key = field.names.camel %]
[% set kind = field.form.control.kind %]
[% if kind == "datetime" %]
[% set text = "row." ~ key ~ ".toISOString()" %]
[% elif kind == "json" %]
[% set text = "JSON.stringify(row." ~ key ~ ", null, 2)" %]
[% elif kind == "list" %]
[% set text = "row." ~ key ~ ".join('\\n')" %]
[% elif kind in ["integer", "float"] %]
[% set text = "String(row." ~ key ~ ")" %]
[% else %]
[% set text = "row." ~ key %]
[% endif %]
[% if field.spec.private %]
    [[ key ]]: '',
[% elif kind == "checkbox" %]
[# A checkbox has no third state: an optional boolean that is not set shows unchecked. #]
    [[ key ]]: row.[[ key ]][% if field.spec.optional %] ?? false[% endif %],
[% elif field.spec.optional %]
    [[ key ]]: row.[[ key ]] === null ? '' : [[ text ]],
[% else %]
    [[ key ]]: [[ text ]],
[% endif %]
[% endfor %]
  }
[% if resource.form.choices %]
  const choices = {
[% for field in resource.fields %]
[% if field.form.choices %]
[% set choices = field.form.choices %]
[% if field.spec.private and auth %]
    [[ choices.key ]]: await [[ choices.function ]](caller),
[% elif field.spec.private %]
    [[ choices.key ]]: await [[ choices.function ]](),
[% elif auth %]
    [[ choices.key ]]: await [[ choices.function ]](caller, row.[[ field.names.camel ]]),
[% else %]
    [[ choices.key ]]: await [[ choices.function ]](row.[[ field.names.camel ]]),
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
          <[[ n.pascal ]]Form action={update[[ n.pascal ]]Action.bind(null, row.id)} defaults={defaults}[% if resource.form.choices %] choices={choices}[% endif %] submitLabel="Save" />
        </CardContent>
      </Card>
    </main>
  )
}
