import 'server-only'
import { Prisma } from '@/generated/prisma/client'

// Where Prisma's values and the API's differ, and how each crosses: every resource's DAL speaks
// the same types as with Drizzle.

/** A `numeric` value as the API carries it: text with every digit of its scale ("4.50"). */
export function decimalText(value: Prisma.Decimal, scale: number): string
export function decimalText(value: Prisma.Decimal | null, scale: number): string | null
export function decimalText(value: Prisma.Decimal | null, scale: number): string | null {
  return value === null ? null : value.toFixed(scale)
}

/** A `bigint` value as the API carries it: a number (the schemas accept safe integers only). */
export function bigintNumber(value: bigint): number
export function bigintNumber(value: bigint | null): number | null
export function bigintNumber(value: bigint | null): number | null {
  return value === null ? null : Number(value)
}

/** A `date` value, which Prisma reads as midnight UTC, as the API carries it ("2024-02-29"). */
export function dateText(value: Date): string
export function dateText(value: Date | null): string | null
export function dateText(value: Date | null): string | null {
  return value === null ? null : value.toISOString().slice(0, 10)
}

/** A calendar date ("2024-02-29") as Prisma writes a `date` column: midnight UTC. */
export function dateValue(text: string): Date
export function dateValue(text: string | null): Date | null
export function dateValue(text: string | undefined): Date | undefined
export function dateValue(text: string | null | undefined): Date | null | undefined
export function dateValue(text: string | null | undefined): Date | null | undefined {
  return typeof text === 'string' ? new Date(`${text}T00:00:00Z`) : text
}

/** The value of a required `json` field (never null: the schemas refuse it). */
export function jsonInput(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue
}

/** A change to a required `json` field; undefined leaves it as it is. */
export function jsonUpdate(value: unknown): Prisma.InputJsonValue | undefined {
  return value as Prisma.InputJsonValue | undefined
}

/** The value of an optional `json` field: `null` clears it (SQL NULL), as with Drizzle. */
export function nullableJsonInput(
  value: unknown,
): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue | undefined)
}
