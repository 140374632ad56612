'use client'

import { useState, useSyncExternalStore } from 'react'
import { Input } from './input'

// The server does not know the reader's time zone: it renders UTC, and the browser renders again
// in its own zone once it has hydrated the page.
const subscribe = () => () => {}
const inBrowser = () => true
const onServer = () => false

function useLocalTime(): boolean {
  return useSyncExternalStore(subscribe, inBrowser, onServer)
}

// dateStyle and timeStyle cannot be combined with timeZoneName: the parts are named one by one.
const parts: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
}
const utcFormat = new Intl.DateTimeFormat('en', { ...parts, timeZone: 'UTC' })
const localFormat = new Intl.DateTimeFormat(undefined, parts)

/** An instant, shown in the reader's time zone. */
function DateTimeValue({ value }: { value: Date | null }) {
  const local = useLocalTime()
  if (value === null) {
    return <span className="text-muted-foreground">—</span>
  }
  const format = local ? localFormat : utcFormat
  return <time dateTime={value.toISOString()}>{format.format(value)}</time>
}

/** `2026-01-31T09:30:00.000Z` as a `datetime-local` value in the browser's time zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso)
  if (iso === '' || Number.isNaN(date.getTime())) {
    return ''
  }
  const offset = date.getTimezoneOffset() * 60_000
  return new Date(date.getTime() - offset).toISOString().slice(0, 16)
}

/** A `datetime-local` value, read in the browser's time zone, as a UTC instant. */
function toUtc(local: string): string {
  const date = new Date(local)
  return local === '' || Number.isNaN(date.getTime()) ? local : date.toISOString()
}

type DateTimeInputProps = Omit<React.ComponentProps<'input'>, 'type' | 'defaultValue'> & {
  name: string
  /** The stored instant, as an ISO string; empty for none. */
  defaultValue?: string
}

/**
 * A date and time entered in the user's time zone and submitted in UTC: the visible control has
 * no name, a hidden input carries the instant under the field's name.
 */
function DateTimeInput({ name, defaultValue = '', ...props }: DateTimeInputProps) {
  const local = useLocalTime()
  const [instant, setInstant] = useState(defaultValue)
  return (
    <>
      <Input
        {...props}
        key={local ? 'local' : 'server'}
        type="datetime-local"
        defaultValue={local ? toLocalInput(defaultValue) : ''}
        onChange={(event) => setInstant(toUtc(event.target.value))}
      />
      <input type="hidden" name={name} value={instant} />
    </>
  )
}

export { DateTimeInput, DateTimeValue }
