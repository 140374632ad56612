[% set n = resource.names %]
[% set auth = app.auth.enabled %]
import type { Metadata } from 'next'
import Link from 'next/link'
[% if auth %]
import { currentActor } from '@/app/session'
[% endif %]
import { DeleteForm } from '@/components/features/delete-form'
import { parseId } from '@/lib/http'
import { loadForPage } from '@/lib/pages'
import { get[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
import { delete[[ n.pascal ]]Action } from '../actions'

export const metadata: Metadata = {
  title: '[[ n.human | capitalize ]]',
}

type Props = {
  params: Promise<{ id: string }>
}

export default async function [[ n.pascal ]]Page({ params }: Props) {
  const { id } = await params
[% if auth %]
  const actor = await currentActor()
  const row = await loadForPage(() => get[[ n.pascal ]](actor, parseId(id)))
[% else %]
  const row = await loadForPage(() => get[[ n.pascal ]](parseId(id)))
[% endif %]

  return (
    <main>
      <h1>[[ n.human | capitalize ]]</h1>
      <dl>
[% for field in resource.fields %]
[% if not field.spec.private %]
        <dt>[[ field.names.label ]]</dt>
        <dd>{[[ field.form.display ]]}</dd>
[% endif %]
[% endfor %]
      </dl>
      <p>
        <Link href={`/[[ n.plural_kebab ]]/${row.id}/edit`}>Edit</Link>
      </p>
      <p>
        <Link href="/[[ n.plural_kebab ]]">All [[ n.plural_human ]]</Link>
      </p>
      <DeleteForm action={delete[[ n.pascal ]]Action.bind(null, row.id)} />
    </main>
  )
}
