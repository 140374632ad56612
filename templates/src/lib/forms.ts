import 'server-only'
import * as z from 'zod'
import { ServiceError, ValidationError } from '@/lib/errors'
import type { FormState } from '@/types'

/** What a field left empty means: `''` (refused where a value is required) unless… */
type Options = {
  /** …the field is optional: then it is cleared (null). */
  optional?: boolean
  /** …it has a default, or is never shown: then it is left as it is (undefined). */
  keepIfEmpty?: boolean
}

function emptyValue(options: Options): '' | null | undefined {
  if (options.keepIfEmpty) {
    return undefined
  }
  return options.optional ? null : ''
}

/** A text field exactly as typed; undefined when the form has no such field. */
export function readText(form: FormData, name: string, options: Options = {}) {
  const value = form.get(name)
  if (typeof value !== 'string') {
    return undefined
  }
  return value === '' ? emptyValue(options) : value
}

/** A number field as a number; anything else stays text, for the schema to refuse. */
export function readNumber(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  if (typeof value !== 'string' || value === '') {
    return value
  }
  const number = Number(value)
  return Number.isNaN(number) ? value : number
}

/** A checkbox: checked or not. */
export function readBoolean(form: FormData, name: string): boolean {
  return form.get(name) === 'on'
}

/**
 * A date and time: the form's `DateTimeInput` submits the instant in UTC. A bare
 * `datetime-local` value (a browser without JavaScript) is read as UTC.
 */
export function readDateTime(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) {
    return `${value}:00Z`
  }
  return value
}

/** A JSON field, parsed; text that is not JSON is a field error. */
export function readJson(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  if (typeof value !== 'string' || value === '') {
    return value
  }
  try {
    return JSON.parse(value) as unknown
  } catch {
    throw new ValidationError('The form has errors.', [
      { path: [name], message: 'Not valid JSON.' },
    ])
  }
}

function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** A list typed one item per line. */
export function readTextList(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  return typeof value === 'string' && value !== '' ? lines(value) : value
}

/** A list of numbers typed one per line; an item that is not a number stays text. */
export function readNumberList(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  if (typeof value !== 'string' || value === '') {
    return value
  }
  return lines(value).map((line) => (Number.isNaN(Number(line)) ? line : Number(line)))
}

/** A list of yes/no values typed one per line as true or false; anything else stays text. */
export function readBooleanList(form: FormData, name: string, options: Options = {}) {
  const value = readText(form, name, options)
  if (typeof value !== 'string' || value === '') {
    return value
  }
  return lines(value).map((line) => (line === 'true' ? true : line === 'false' ? false : line))
}

/** What was typed, to show again beside the errors (files are left out). */
function submitted(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      values[name] = value
    }
  }
  return values
}

/**
 * The state a form shows after a service refused its submission: field errors for invalid
 * input, one message for anything else the service decided. Unexpected errors are rethrown.
 */
export function formFailure(error: unknown, form: FormData): FormState {
  const values = submitted(form)
  if (error instanceof z.ZodError) {
    return { errors: z.flattenError(error).fieldErrors, values }
  }
  if (error instanceof ValidationError) {
    const errors: Record<string, string[]> = {}
    for (const issue of error.issues) {
      const key = String(issue.path[0] ?? '')
      errors[key] = [...(errors[key] ?? []), issue.message]
    }
    return { errors, message: error.issues.length === 0 ? error.message : undefined, values }
  }
  if (error instanceof ServiceError) {
    return { message: error.message, values }
  }
  throw error
}
