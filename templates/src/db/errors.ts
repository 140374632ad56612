import { DrizzleQueryError } from 'drizzle-orm'

/**
 * The SQLSTATE of a statement the database refused (`23505` for a unique violation), or the
 * error code of a connection that failed; undefined for anything else.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  if (error instanceof DrizzleQueryError && error.cause && 'code' in error.cause) {
    return String(error.cause.code)
  }
  return undefined
}
