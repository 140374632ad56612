import * as z from 'zod'

/*
 * The building blocks of every input schema. Their patterns are the ones public/openapi.json
 * publishes, so the document and the validation agree (tests/contract.test.ts checks it).
 */

/** Text PostgreSQL can store: any characters but NUL. */
export const textSchema = z.string().regex(/^[^\u0000]*$/, {
  error: 'Text cannot contain the NUL character.',
})

export const emailSchema = z.email({
  pattern:
    /^[A-Za-z0-9_'+-]{1,32}(?:\.[A-Za-z0-9_'+-]{1,15}){0,2}@(?:[A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,2}\.){1,3}[A-Za-z]{2,24}$/,
})

/** An http(s) URL, stored as the URL standard writes it. */
export const urlSchema = z.url({ protocol: /^https?$/, normalize: true })

/** Any 8-4-4-4-12 hexadecimal UUID. */
export const uuidSchema = z.stringFormat(
  'uuid',
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
)

/** A calendar date: `2026-01-31`. */
export const dateSchema = z.stringFormat(
  'date',
  /^(?:(?:\d\d(?:[2468][048]|[13579][26]|0[48])|(?:[2468][048]|[13579][26]|0[48])00)-02-29|(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))$/,
)

/** An ISO 8601 date-time with an offset (`2026-01-31T09:30:00Z`), parsed into a Date. */
export const dateTimeSchema = z
  .stringFormat(
    'date-time',
    /^(?:(?:(?:[1-9]\d|0[1-9])(?:[2468][048]|[13579][26]|0[48])|(?:[2468][048]|[13579][26]|0[48])00)-02-29|(?:[1-9]\d{3}|0[2-9]\d{2}|01(?:0[1-9]|[1-9]\d))-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/,
  )
  .pipe(z.coerce.date())

/**
 * A decimal with `precision` digits of which `scale` follow the point, as a string so that no
 * digit is lost.
 */
export function decimalSchema(precision: number, scale: number) {
  const integer = precision > scale ? `\\d{1,${precision - scale}}` : '0'
  const fraction = scale > 0 ? `(\\.\\d{1,${scale}})?` : ''
  return z.string().regex(new RegExp(`^-?${integer}${fraction}$`), {
    error: `Expected a decimal with at most ${precision - scale} digits before the point and ${scale} after it.`,
  })
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

/** Page size for list endpoints: 20 by default, at most 100. */
export const limitSchema = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .pipe(z.int().min(1).max(100))
  .default(20)

/** An opaque pagination cursor, as returned in `nextCursor`. */
export const cursorSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/)

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
