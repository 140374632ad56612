/**
 * The SQLSTATE of a statement the database refused (`23505` for a unique violation), or the
 * error code of a connection that failed; undefined for anything else. Drizzle wraps the
 * driver's error as the `cause`; it is read by shape, not `instanceof`, since a production
 * build may hold more than one copy of drizzle-orm's classes.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined
  if (typeof cause === 'object' && cause !== null && 'code' in cause) {
    return typeof cause.code === 'string' ? cause.code : undefined
  }
  return undefined
}
