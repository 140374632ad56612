[% set n = resource.names %]
'use client'

import { useActionState } from 'react'
[% for line in resource.form.ui_imports %]
[[ line ]]
[% endfor %]
[% if resource.form.choices %]
import type { Choices, FormState, FormValues } from '@/types'
[% else %]
import type { FormState, FormValues } from '@/types'
[% endif %]
[% if resource.form.choices %]

[[ resource.form.choice_fields_type ]]
[% endif %]

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  /** The [[ n.human ]] being edited, as form values; none for a new one. */
  defaults?: FormValues
[% if resource.form.choices %]
  /** What each `ref` field's select offers. */
  choices: Record<ChoiceField, Choices>
[% endif %]
  submitLabel: string
}

[% if resource.form.choices %]
[[ wrap(open="export function " ~ n.pascal ~ "Form({", items=["action", "defaults", "choices", "submitLabel"], close="}: Props) {", padded=true) ]]
[% else %]
[[ wrap(open="export function " ~ n.pascal ~ "Form({", items=["action", "defaults", "submitLabel"], close="}: Props) {", padded=true) ]]
[% endif %]
  const [state, formAction, pending] = useActionState(action, undefined)
  // After a refused submission the form shows what was typed; before it, the saved values.
  const value = (name: string) => state?.values?.[name] ?? String(defaults?.[name] ?? '')
[% if resource.form.has_checkbox %]
  const checked = (name: string) =>
    state?.values ? state.values[name] === 'on' : defaults?.[name] === true
[% endif %]
[% if resource.form.has_hints %]
  // A field with errors is marked invalid and described by its message (and its hint, if any).
  const invalid = (name: string) => (state?.errors?.[name] ? true : undefined)
  const describedBy = (name: string, hint = false) => {
    const ids = [hint ? `${name}-hint` : null, invalid(name) ? `${name}-error` : null]
    return ids.filter(Boolean).join(' ') || undefined
  }
[% else %]
  // A field with errors is marked invalid and described by its message.
  const invalid = (name: string) => (state?.errors?.[name] ? true : undefined)
  const describedBy = (name: string) => (invalid(name) ? `${name}-error` : undefined)
[% endif %]

  return (
    <form action={formAction} className="grid gap-6">
[% for field in resource.fields %]
      [[ field.form.field_open ]]
[% if field.form.checkbox %]
        <div className="flex items-center gap-2">
          [[ field.form.control ]]
          [[ field.form.label_tag ]]
        </div>
[% else %]
        [[ field.form.label_tag ]]
        [[ field.form.control ]]
[% endif %]
[% if field.form.hint_tag %]
        [[ field.form.hint_tag ]]
[% endif %]
[% if field.form.choices %]
        {choices.[[ field.names.camel ]].more && (
          <FieldDescription>
            Only the first 100 are offered.
          </FieldDescription>
        )}
[% endif %]
        [[ field.form.error_tag ]]
      </Field>
[% endfor %]
      <FormMessage message={state?.message} />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  )
}
