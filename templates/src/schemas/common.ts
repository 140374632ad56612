import * as z from 'zod'

/** Page size for list endpoints: 20 by default, at most 100. */
export const limitSchema = z.coerce.number().int().min(1).max(100).default(20)

/** An opaque pagination cursor, as returned in `nextCursor`. */
export const cursorSchema = z.string().min(1).max(512)

/**
 * A decimal with `precision` digits of which `scale` follow the point. It travels as a string so
 * no digit is lost; numbers are accepted on input.
 */
export function decimalSchema(precision: number, scale: number) {
  const integer = precision > scale ? `\\d{1,${precision - scale}}` : '0'
  const fraction = scale > 0 ? `(\\.\\d{1,${scale}})?` : ''
  const pattern = new RegExp(`^-?${integer}${fraction}$`)
  return z
    .union([z.string(), z.number()])
    .transform((value) => String(value))
    .pipe(
      z.string().regex(pattern, {
        error: `Expected a decimal with at most ${precision - scale} digits before the point and ${scale} after it.`,
      }),
    )
}

/** An http(s) URL. */
export const urlSchema = z.url({ protocol: /^https?$/ })

/** An ISO 8601 date-time with an offset (`2026-01-31T09:30:00Z`), parsed into a Date. */
export const dateTimeSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value))
