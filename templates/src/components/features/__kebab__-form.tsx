[% set n = resource.names %]
'use client'

import { useActionState } from 'react'
[% for line in resource.form.ui_imports %]
[[ line ]]
[% endfor %]
import type { FormState, FormValues } from '@/types'

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  /** The [[ n.human ]] being edited, as form values; none for a new one. */
  defaults?: FormValues
  submitLabel: string
}

export function [[ n.pascal ]]Form({ action, defaults, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined)
  // After a refused submission the form shows what was typed; before it, the saved values.
  const value = (name: string) => state?.values?.[name] ?? String(defaults?.[name] ?? '')
[% if resource.form.has_checkbox %]
  const checked = (name: string) =>
    state?.values ? state.values[name] === 'on' : defaults?.[name] === true
[% endif %]

  return (
    <form action={formAction}>
[% for field in resource.fields %]
[% if field.form.checkbox %]
      <label className="checkbox">
        [[ field.form.control ]]
        [[ field.form.label ]]
      </label>
[% else %]
      <label>
        [[ field.form.label ]]
        [[ field.form.control ]]
        <FieldError messages={state?.errors?.[[ field.names.camel ]]} />
      </label>
[% endif %]
[% endfor %]
      <FieldError messages={state?.message ? [state.message] : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  )
}
