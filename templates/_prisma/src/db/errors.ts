/** Prisma's codes for a statement the database refused, as the SQLSTATE behind each. */
const SQLSTATES: Record<string, string> = {
  P2002: '23505',
  P2003: '23503',
}

/**
 * Prisma's codes for a database it cannot reach, or that went away: can't reach the server,
 * timed out connecting, the server closed the connection, no free connection in the pool.
 */
const UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])

type KnownRequestError = Error & { code: string; meta?: Record<string, unknown> }

/**
 * A query Prisma ran and the database refused, read by shape rather than `instanceof`: a
 * production build may hold more than one copy of the client's classes.
 */
function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    error instanceof Error &&
    error.name === 'PrismaClientKnownRequestError' &&
    'code' in error &&
    typeof error.code === 'string'
  )
}

/** What the driver adapter said went wrong, when a raw query failed (`P2010`). */
function adapterErrorKind(error: KnownRequestError): string | undefined {
  const adapterError = error.meta?.driverAdapterError
  if (typeof adapterError !== 'object' || adapterError === null || !('cause' in adapterError)) {
    return undefined
  }
  const { cause } = adapterError
  return typeof cause === 'object' && cause !== null && 'kind' in cause
    ? String(cause.kind)
    : undefined
}

/**
 * The SQLSTATE of a statement the database refused (`23505` for a unique violation), or
 * `08006` (connection failure) when the database could not be reached; undefined otherwise.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  if (!isKnownRequestError(error)) {
    return undefined
  }
  if (UNREACHABLE.has(error.code) || adapterErrorKind(error) === 'DatabaseNotReachable') {
    return '08006'
  }
  return SQLSTATES[error.code]
}
