import Link from 'next/link'
import { Badge } from './badge'

/** What a page shows for a value that is not set. */
function EmptyValue() {
  return <span className="text-muted-foreground">—</span>
}

function BooleanValue({ value }: { value: boolean | null }) {
  if (value === null) {
    return <EmptyValue />
  }
  return <Badge variant={value ? 'default' : 'secondary'}>{value ? 'Yes' : 'No'}</Badge>
}

function EnumValue({ value }: { value: string | null }) {
  return value === null ? <EmptyValue /> : <Badge variant="outline">{value}</Badge>
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })

/** A calendar date (`2026-01-31`), which has no time zone. */
function DateValue({ value }: { value: string | null }) {
  if (value === null) {
    return <EmptyValue />
  }
  return <time dateTime={value}>{dateFormat.format(new Date(`${value}T00:00:00Z`))}</time>
}

/** JSON, on one line in a table or as an indented block on a detail page. */
function JsonValue({ value, block = false }: { value: unknown; block?: boolean }) {
  if (value === null || value === undefined) {
    return <EmptyValue />
  }
  if (!block) {
    return <code className="font-mono text-xs">{JSON.stringify(value)}</code>
  }
  return (
    <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs">
      {JSON.stringify(value, null, 2)}
    </pre>
  )
}

function ListValue({ value }: { value: readonly (string | number | boolean | Date)[] | null }) {
  if (value === null || value.length === 0) {
    return <EmptyValue />
  }
  const items = value.map((item) => (item instanceof Date ? item.toISOString() : String(item)))
  return <span>{items.join(', ')}</span>
}

/** A link to the row a `ref` points to, shown by the start of its id. */
function RowLink({ href, value }: { href: string; value: string | null }) {
  if (value === null) {
    return <EmptyValue />
  }
  return (
    <Link href={`${href}/${value}`} title={value} className="font-mono text-xs underline">
      {value.slice(0, 8)}
    </Link>
  )
}

export { BooleanValue, DateValue, EmptyValue, EnumValue, JsonValue, ListValue, RowLink }
