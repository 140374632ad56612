[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% set p = resource.pages %]
[% set s = p.shows %]
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
[% if "boolean" in s or "date" in s or "enum" in s or "json" in s or "list" in s or "row_link" in s %]
import { [% if "boolean" in s %]BooleanValue, [% endif %][% if "date" in s %]DateValue, [% endif %][% if "enum" in s %]EnumValue, [% endif %][% if "json" in s %]JsonValue, [% endif %][% if "list" in s %]ListValue, [% endif %][% if "row_link" in s %]RowLink, [% endif %]} from '@/components/ui/value'
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
const filterKeys: readonly string[] = [ [% for filter in p.filters %]'[[ filter.key ]]', [% endfor %]]

type Props = {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export default async function [[ n.plural_pascal ]]Page({ searchParams }: Props) {
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
  const [[ choices.variable ]] = await [[ choices.function ]]([[ "caller, " if auth else "" ]]list.filters.[[ choices.key ]])
[% endfor %]
  const filtered = Object.keys(list.filters).length > 0

  return (
    <main className="mx-auto grid w-full max-w-5xl gap-6 px-4 py-10">
      <PageHeader title="[[ n.plural_human | capitalize ]]">
        <Link href={`${path}/new`} className={buttonVariants()}>
          New [[ n.human ]]
        </Link>
      </PageHeader>
      <Flash notice={params.notice} subject="[[ n.human | capitalize ]]" />
[% if p.filters %]
      <details open={filtered} className="rounded-lg border p-4">
        <summary className="cursor-pointer text-sm font-medium">Filters</summary>
        <Form action={path} className="mt-4 grid gap-4">
          {list.sort ? <input type="hidden" name="sort" value={list.sort} /> : null}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
[% for filter in p.filters %]
[% set id = "filter-" ~ filter.key %]
[% set control = filter.control %]
            <Field>
              <FieldLabel htmlFor="[[ id ]]">[[ filter.label ]]</FieldLabel>
[% if control.kind == "number" %]
              <Input id="[[ id ]]" name="[[ filter.key ]]" type="number" step="any" defaultValue={list.filters.[[ filter.key ]]} />
[% elif control.kind == "date" or control.kind == "text" %]
              <Input id="[[ id ]]" name="[[ filter.key ]]" type="[[ control.kind ]]" defaultValue={list.filters.[[ filter.key ]]} />
[% else %]
              <NativeSelect id="[[ id ]]" name="[[ filter.key ]]" defaultValue={list.filters.[[ filter.key ]]}>
                <NativeSelectOption value="">Any</NativeSelectOption>
[% if control.kind == "yes_no" %]
                <NativeSelectOption value="true">Yes</NativeSelectOption>
                <NativeSelectOption value="false">No</NativeSelectOption>
[% elif control.kind == "one_of" %]
[% for option in control.values %]
                <NativeSelectOption value="[[ option ]]">[[ option ]]</NativeSelectOption>
[% endfor %]
[% elif control.kind == "choice" %]
                {[[ control.variable ]].options.map((option) => (
                  <NativeSelectOption key={option.value} value={option.value}>
                    {option.label}
                  </NativeSelectOption>
                ))}
[% endif %]
              </NativeSelect>
[% endif %]
            </Field>
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
        <EmptyState
          plural="[[ n.plural_human ]]"
          filtered={filtered}
          href={`${path}/new`}
          action="Create the first [[ n.human ]]"
        />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
[% for column in p.columns %]
[% if column.sortable %]
              <SortableHead href={sortHref(path, list, '[[ column.key ]]')} order={sortOrder(list, '[[ column.key ]]')}>
                [[ column.label ]]
              </SortableHead>
[% else %]
              <TableHead>[[ column.label ]]</TableHead>
[% endif %]
[% endfor %]
[# Every row has a creation time: the list can always be sorted by it, newest first. #]
              <SortableHead href={sortHref(path, list, 'createdAt')} order={sortOrder(list, 'createdAt')}>
                Created
              </SortableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.data.map((row) => (
              <TableRow key={row.id}>
[% for column in p.columns %]
                <TableCell>[[ <pages.shown_value column /> ]]</TableCell>
[% endfor %]
                <TableCell>
                  <DateTimeValue value={row.createdAt} />
                </TableCell>
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
