[% set n = resource.names %]
[% set auth = app.auth.enabled %]
import type { Metadata } from 'next'
import Link from 'next/link'
[% if auth %]
import { currentActor } from '@/app/session'
[% endif %]
import { loadForPage } from '@/lib/pages'
import { [[ n.camel ]]ListQuerySchema } from '@/schemas/[[ n.kebab ]].schema'
import { list[[ n.plural_pascal ]] } from '@/services/[[ n.kebab ]].service'

export const metadata: Metadata = {
  title: '[[ n.plural_human | capitalize ]]',
}

type Props = {
  searchParams: Promise<{ cursor?: string | string[] }>
}

function nextPage(cursor: string): string {
  return `/[[ n.plural_kebab ]]?cursor=${encodeURIComponent(cursor)}`
}

export default async function [[ n.plural_pascal ]]Page({ searchParams }: Props) {
  const { cursor } = await searchParams
[% if auth %]
  const actor = await currentActor()
[% endif %]
  const page = await loadForPage(() => {
    const query = [[ n.camel ]]ListQuerySchema.parse({
      cursor: typeof cursor === 'string' ? cursor : undefined,
    })
    return list[[ n.plural_pascal ]]([[ "actor, " if auth else "" ]]query)
  })

  return (
    <main>
      <h1>[[ n.plural_human | capitalize ]]</h1>
      <p>
        <Link href="/[[ n.plural_kebab ]]/new">New [[ n.human ]]</Link>
      </p>
      <table>
        <thead>
          <tr>
[% for field in resource.fields %]
[% if not field.spec.private %]
            <th>[[ field.names.label ]]</th>
[% endif %]
[% endfor %]
            <th />
          </tr>
        </thead>
        <tbody>
          {page.data.map((row) => (
            <tr key={row.id}>
[% for field in resource.fields %]
[% if not field.spec.private %]
              <td>{[[ field.form.display ]]}</td>
[% endif %]
[% endfor %]
              <td>
                <Link href={`/[[ n.plural_kebab ]]/${row.id}`}>Show</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.nextCursor ? (
        <p>
          <Link href={nextPage(page.nextCursor)}>Next page</Link>
        </p>
      ) : null}
    </main>
  )
}
