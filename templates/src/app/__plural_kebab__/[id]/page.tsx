[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% set s = resource.pages.shows %]
import type { Metadata } from 'next'
import Link from 'next/link'
[% if auth %]
import { currentCaller } from '@/app/session'
[% endif %]
import { DeleteForm } from '@/components/features/delete-form'
import { Flash } from '@/components/features/flash'
import { PageHeader } from '@/components/layout/page-header'
import { buttonVariants } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { DateTimeValue } from '@/components/ui/date-time'
[% if "boolean" in s or "date" in s or "enum" in s or "json" in s or "list" in s or "row_link" in s %]
import { [% if "boolean" in s %]BooleanValue, [% endif %][% if "date" in s %]DateValue, [% endif %][% if "enum" in s %]EnumValue, [% endif %][% if "json" in s %]JsonValue, [% endif %][% if "list" in s %]ListValue, [% endif %][% if "row_link" in s %]RowLink, [% endif %]} from '@/components/ui/value'
[% endif %]
import { parseId } from '@/lib/http'
import { loadForPage } from '@/lib/pages'
import { get[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
import { delete[[ n.pascal ]]Action } from '../actions'

export const metadata: Metadata = {
  title: '[[ n.human | capitalize ]]',
}

const path = '/[[ n.plural_kebab ]]'

type Props = {
  params: Promise<{ id: string }>
  searchParams: Promise<{ notice?: string | string[] }>
}

export default async function [[ n.pascal ]]Page({ params, searchParams }: Props) {
  const { id } = await params
  const { notice } = await searchParams
[% if auth %]
  const caller = await currentCaller()
  const row = await loadForPage(() => get[[ n.pascal ]](caller, parseId(id)))
[% else %]
  const row = await loadForPage(() => get[[ n.pascal ]](parseId(id)))
[% endif %]

  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-10">
      <PageHeader title="[[ n.human | capitalize ]]">
        <Link href={`${path}/${row.id}/edit`} className={buttonVariants({ variant: 'outline' })}>
          Edit
        </Link>
      </PageHeader>
      <Flash notice={notice} subject="[[ n.human | capitalize ]]" />
      <Card>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-[12rem_1fr]">
[% for column in resource.pages.columns %]
            <dt className="text-muted-foreground">[[ column.label ]]</dt>
            <dd>[[ <pages.shown_value column block={true} /> ]]</dd>
[% endfor %]
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <DateTimeValue value={row.createdAt} />
            </dd>
          </dl>
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Link href={path} className="text-sm underline">
          All [[ n.plural_human ]]
        </Link>
        <DeleteForm action={delete[[ n.pascal ]]Action.bind(null, row.id)} subject="[[ n.human ]]" />
      </div>
    </main>
  )
}
