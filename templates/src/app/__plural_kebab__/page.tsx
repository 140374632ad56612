[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% set p = resource.pages %]
import type { Metadata } from 'next'
[% if p.filters %]
import Form from 'next/form'
[% endif %]
import Link from 'next/link'
[% if auth %]
import { currentCaller } from '@/app/session'
[% endif %]
import { Flash } from '@/components/features/flash'
import { EmptyState, Pagination, SortableHead } from '@/components/features/list-controls'
import { PageHeader } from '@/components/layout/page-header'
[% if p.filters %]
import { Button, buttonVariants } from '@/components/ui/button'
import { DateTimeValue } from '@/components/ui/date-time'
import { Field, FieldLabel } from '@/components/ui/field'
[% else %]
import { buttonVariants } from '@/components/ui/button'
import { DateTimeValue } from '@/components/ui/date-time'
[% endif %]
[% if p.filter_uses_input %]
import { Input } from '@/components/ui/input'
[% endif %]
[% if p.filter_uses_select %]
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select'
[% endif %]
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table'
[% if p.value_import %]
[[ p.value_import ]]
[% endif %]
import { nextHref, previousHref, readListState, sortHref, sortOrder } from '@/lib/list-params'
import { loadForPage } from '@/lib/pages'
import { [[ n.camel ]]ListQuerySchema } from '@/schemas/[[ n.kebab ]].schema'
[% for choices in p.filter_choices %]
import { [[ choices.function ]] } from '@/services/[[ choices.service ]].service'
[% endfor %]
import { list[[ n.plural_pascal ]] } from '@/services/[[ n.kebab ]].service'

export const metadata: Metadata = {
  title: '[[ n.plural_human | capitalize ]]',
}

const path = '/[[ n.plural_kebab ]]'
[[ p.filter_keys ]]

type Props = {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

[[ wrap(open="export default async function " ~ n.plural_pascal ~ "Page({", items=["searchParams"], close="}: Props) {", padded=true) ]]
  const params = await searchParams
  const list = readListState(params, filterKeys)
[% if auth %]
  const caller = await currentCaller()
[% endif %]
  const page = await loadForPage(() => {
    const query = [[ n.camel ]]ListQuerySchema.parse({
      ...list.filters,
      sort: list.sort,
      cursor: list.cursor,
    })
    return list[[ n.plural_pascal ]]([[ "caller, " if auth else "" ]]query)
  })
[% for choices in p.filter_choices %]
  [[ assign(lhs="const " ~ choices.variable ~ " =", head="await " ~ choices.function, args=["caller" if auth else "", "list.filters." ~ choices.key], indent=2) ]]
[% endfor %]
  const filtered = Object.keys(list.filters).length > 0

  return (
    <main className="mx-auto grid w-full max-w-5xl gap-6 px-4 py-10">
      <PageHeader title="[[ n.plural_human | capitalize ]]">
        [[ jsx_text(tag="Link", attrs=["href={`${path}/new`}", "className={buttonVariants()}"], text="New " ~ n.human, indent=8) ]]
      </PageHeader>
      [[ jsx(tag="Flash", attrs=["notice={params.notice}", "subject=\"" ~ (n.human | capitalize) ~ "\""], indent=6) ]]
[% if p.filters %]
      <details open={filtered} className="rounded-lg border p-4">
        <summary className="cursor-pointer text-sm font-medium">Filters</summary>
        <Form action={path} className="mt-4 grid gap-4">
          {list.sort ? <input type="hidden" name="sort" value={list.sort} /> : null}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
[% for filter in p.filters %]
            [[ filter ]]
[% endfor %]
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
            <Link href={path} className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          </div>
        </Form>
      </details>
[% endif %]
      {page.data.length === 0 ? (
        [[ jsx(tag="EmptyState", attrs=["plural=\"" ~ n.plural_human ~ "\"", "filtered={filtered}", "href={`${path}/new`}", "action=\"Create the first " ~ n.human ~ "\""], indent=8) ]]
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
[% for column in p.columns %]
              [[ column.header ]]
[% endfor %]
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.data.map((row) => (
              <TableRow key={row.id}>
[% for column in p.columns %]
                [[ column.cell ]]
[% endfor %]
                <TableCell className="text-right">
                  <Link href={`${path}/${row.id}`} className="underline">
                    View
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination
        previous={previousHref(path, list)}
        next={page.nextCursor ? nextHref(path, list, page.nextCursor) : null}
      />
    </main>
  )
}
