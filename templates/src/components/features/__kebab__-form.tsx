[% set n = resource.names %]
[% set f = resource.form %]
[% set inputs = {"text": "text", "email": "email", "url": "url", "integer": "number", "float": "number", "decimal": "number", "date": "date"} %]
[# The attributes every control ends with: required or not, and its ARIA wiring to hint and error. #]
[% component resource_form.wiring(key, required, hinted) %]
[% if required %]
required
[% endif %]
aria-invalid={invalid('[[ key ]]')}
aria-describedby={describedBy('[[ key ]]'[% if hinted %], true[% endif %])}
[%- endcomponent resource_form.wiring %]
'use client'

import { useActionState } from 'react'
import { Button } from '@/components/ui/button'
[% if f.has_checkbox %]
import { Checkbox } from '@/components/ui/checkbox'
[% endif %]
[% if "datetime" in f.controls %]
import { DateTimeInput } from '@/components/ui/date-time'
[% endif %]
[% if f.has_hints or f.choices %]
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field'
[% else %]
import { Field, FieldError, FieldLabel } from '@/components/ui/field'
[% endif %]
import { FormMessage } from '@/components/ui/form-message'
[% for kind in f.controls %]
[% if kind in inputs %]
import { Input } from '@/components/ui/input'
[% break %]
[% endif %]
[% endfor %]
[% if "enum_select" in f.controls or "ref_select" in f.controls %]
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select'
[% endif %]
[% if "long_text" in f.controls or "json" in f.controls or "list" in f.controls %]
import { Textarea } from '@/components/ui/textarea'
[% endif %]
[% if f.choices %]
import type { Choices, FormState, FormValues } from '@/types'

type ChoiceField = [% for choices in f.choices %]'[[ choices.key ]]'[% if not loop.last %] | [% endif %][% endfor %]

[% else %]
import type { FormState, FormValues } from '@/types'

[% endif %]
type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  /** The [[ n.human ]] being edited, as form values; none for a new one. */
  defaults?: FormValues
[% if f.choices %]
  /** What each `ref` field's select offers. */
  choices: Record<ChoiceField, Choices>
[% endif %]
  submitLabel: string
}

[% if f.choices %]
export function [[ n.pascal ]]Form({ action, defaults, choices, submitLabel }: Props) {
[% else %]
export function [[ n.pascal ]]Form({ action, defaults, submitLabel }: Props) {
[% endif %]
  const [state, formAction, pending] = useActionState(action, undefined)
  // After a refused submission the form shows what was typed; before it, the saved values.
  const value = (name: string) => state?.values?.[name] ?? String(defaults?.[name] ?? '')
[% if f.has_checkbox %]
  const checked = (name: string) =>
    state?.values ? state.values[name] === 'on' : defaults?.[name] === true
[% endif %]
[% if f.has_hints %]
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
[% set key = field.names.camel %]
[% set control = field.form.control %]
      <Field data-invalid={invalid('[[ key ]]')}>
[% if control.kind == "checkbox" %]
        <div className="flex items-center gap-2">
          <Checkbox
            id="[[ key ]]"
            name="[[ key ]]"
            defaultChecked={checked('[[ key ]]')}
            [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
          />
          <FieldLabel htmlFor="[[ key ]]">[[ field.names.label ]]</FieldLabel>
        </div>
[% else %]
        <FieldLabel htmlFor="[[ key ]]">[[ field.names.label ]]</FieldLabel>
[% endif %]
[% if control.kind in inputs %]
        <Input
          id="[[ key ]]"
          name="[[ key ]]"
          type="[[ inputs[control.kind] ]]"
[% if control.max_length %]
          maxLength={[[ control.max_length ]]}
[% elif control.kind == "integer" %]
          step={1}
[% elif control.kind == "float" %]
          step="any"
[% elif control.kind == "decimal" %]
          step="[[ control.step ]]"
[% endif %]
          defaultValue={value('[[ key ]]')}
          [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
        />
[% elif control.kind in ["long_text", "json", "list"] %]
        <Textarea
          id="[[ key ]]"
          name="[[ key ]]"
          rows={[[ 6 if control.kind == "long_text" else 4 ]]}
          defaultValue={value('[[ key ]]')}
          [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
        />
[% elif control.kind == "datetime" %]
        <DateTimeInput
          id="[[ key ]]"
          name="[[ key ]]"
          defaultValue={value('[[ key ]]')}
          [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
        />
[% elif control.kind == "enum_select" %]
        <NativeSelect
          id="[[ key ]]"
          name="[[ key ]]"
          defaultValue={value('[[ key ]]')}
          [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
        >
[% if field.spec.optional %]
          <NativeSelectOption value="">(none)</NativeSelectOption>
[% endif %]
[% for option in control.values %]
          <NativeSelectOption value="[[ option ]]">[[ option ]]</NativeSelectOption>
[% endfor %]
        </NativeSelect>
[% elif control.kind == "ref_select" %]
[# An empty first option: "none" for an optional field; for a required one, the browser asks. #]
        <NativeSelect
          id="[[ key ]]"
          name="[[ key ]]"
          defaultValue={value('[[ key ]]')}
          [[ <resource_form.wiring key required={field.form.required} hinted={field.form.hint} /> ]]
        >
          <NativeSelectOption value="">[[ "(none)" if field.spec.optional else "Choose one" ]]</NativeSelectOption>
          {choices.[[ key ]].options.map((option) => (
            <NativeSelectOption key={option.value} value={option.value}>
              {option.label}
            </NativeSelectOption>
          ))}
        </NativeSelect>
[% endif %]
[% if field.form.hint %]
        <FieldDescription id="[[ key ]]-hint">[[ field.form.hint ]]</FieldDescription>
[% endif %]
[% if field.form.choices %]
        {choices.[[ key ]].more && (
          <FieldDescription>
            Only the first 100 are offered.
          </FieldDescription>
        )}
[% endif %]
        <FieldError id="[[ key ]]-error" messages={state?.errors?.[[ key ]]} />
      </Field>
[% endfor %]
      <FormMessage message={state?.message} />
      <Button type="submit" disabled={pending} className="w-fit">
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  )
}
