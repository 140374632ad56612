import * as z from 'zod'

/*
 * The building blocks of every input schema. Their patterns are the ones public/openapi.json
 * publishes, so the document and the validation agree (tests/contract.test.ts checks it).
 */

/** Text PostgreSQL can store: any characters but NUL. */
export const textSchema = z.string().regex(/[[ app.patterns.text ]]/, {
  error: 'Text cannot contain the NUL character.',
})

export const emailSchema = z.email({
  pattern:
    /[[ app.patterns.email ]]/,
})

/** An http(s) URL, stored as the URL standard writes it. */
export const urlSchema = z.url({ protocol: /^https?$/, normalize: true })

/** Any 8-4-4-4-12 hexadecimal UUID. */
export const uuidSchema = z.stringFormat(
  'uuid',
  /[[ app.patterns.uuid ]]/,
)

/** A calendar date: `2026-01-31`. */
export const dateSchema = z.stringFormat(
  'date',
  /[[ app.patterns.date ]]/,
)

/** An ISO 8601 date-time with an offset (`2026-01-31T09:30:00Z`), parsed into a Date. */
export const dateTimeSchema = z
  .stringFormat(
    'date-time',
    /[[ app.patterns.date_time ]]/,
  )
  .pipe(z.coerce.date())

/**
 * A decimal with `precision` digits of which `scale` follow the point, as a string so that no
 * digit is lost.
 */
export function decimalSchema(precision: number, scale: number) {
  const digits = precision - scale
  const integer = digits > 0 ? `\\d{1,${digits}}` : '0'
  const fraction = scale > 0 ? `(\\.\\d{1,${scale}})?` : ''
  const error = `Expected a decimal with at most ${digits} digits before the point and ${scale} after it.`
  return z.string().regex(new RegExp(`^-?${integer}${fraction}$`), { error })
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** Any JSON value whose text PostgreSQL can store (`jsonb` refuses NUL characters). */
export const jsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      textSchema,
      z.number(),
      z.boolean(),
      z.null(),
      z.array(jsonValueSchema),
      z.record(textSchema, jsonValueSchema),
    ]),
  )
  .meta({ id: 'JsonValue' })

/** The value of a `json` field: any JSON value but null, which means no value at all. */
export const presentJsonValueSchema = z
  .union([
    textSchema,
    z.number(),
    z.boolean(),
    z.array(jsonValueSchema),
    z.record(textSchema, jsonValueSchema),
  ])
  .meta({ id: 'PresentJsonValue' })

/** Page size for list endpoints: [[ app.limits.default ]] by default, at most [[ app.limits.max ]]. */
export const limitSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.int().min(1).max([[ app.limits.max ]]))
  .default([[ app.limits.default ]])

/** An opaque pagination cursor, as returned in `nextCursor`. */
export const cursorSchema = z
  .string()
  .max([[ app.limits.cursor_max_length ]])
  .regex(/[[ app.patterns.cursor ]]/)

/** `?flag=true` or `?flag=false`. */
export const booleanQuery = z.stringbool({ truthy: ['true'], falsy: ['false'], case: 'sensitive' })

/** A whole number in a query string, within a 32-bit `integer` column's range. */
export const int32Query = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number)
  .pipe(z.int32())

/** A whole number in a query string, within JavaScript's safe integers. */
export const safeIntegerQuery = z
  .string()
  .regex(/^-?\d+$/)
  .transform(Number)
  .pipe(z.int())

/** A number in a query string. */
export const numberQuery = z
  .string()
  .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)
  .transform(Number)
  .pipe(z.number())
