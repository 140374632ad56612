[% set n = resource.names %]
[% set auth = app.auth.enabled %]
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
[% if resource.pages.value_import %]
[[ resource.pages.value_import ]]
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

[[ wrap(open="export default async function " ~ n.pascal ~ "Page({", items=["params", "searchParams"], close="}: Props) {", padded=true) ]]
  const { id } = await params
  const { notice } = await searchParams
[% if auth %]
  const caller = await currentCaller()
  [[ arrow_call(head="const row = await loadForPage", body="get" ~ n.pascal ~ "(caller, parseId(id))", indent=2) ]]
[% else %]
  [[ arrow_call(head="const row = await loadForPage", body="get" ~ n.pascal ~ "(parseId(id))", indent=2) ]]
[% endif %]

  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-10">
      <PageHeader title="[[ n.human | capitalize ]]">
        <Link href={`${path}/${row.id}/edit`} className={buttonVariants({ variant: 'outline' })}>
          Edit
        </Link>
      </PageHeader>
      [[ jsx(tag="Flash", attrs=["notice={notice}", "subject=\"" ~ (n.human | capitalize) ~ "\""], indent=6) ]]
      <Card>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-[12rem_1fr]">
[% for line in resource.pages.details %]
            [[ line ]]
[% endfor %]
          </dl>
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-end justify-between gap-4">
        [[ jsx_text(tag="Link", attrs=["href={path}", "className=\"text-sm underline\""], text="All " ~ n.plural_human, indent=8) ]]
        [[ jsx(tag="DeleteForm", attrs=["action={delete" ~ n.pascal ~ "Action.bind(null, row.id)}", "subject=\"" ~ n.human ~ "\""], indent=8) ]]
      </div>
    </main>
  )
}
