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

/**
 * What a transaction of Prisma's own (an update returning rows runs in one) says when the
 * database went away under it (`P2028`): its COMMIT failed, which with no deferred constraints
 * only a lost connection does, and Prisma reports the rollback it then tried instead; or no
 * connection came free in time to begin it.
 */
const TRANSACTION_LOST = [
  'A rollback cannot be executed on a committed transaction',
  'Unable to start a transaction in the given time',
]

/** The driver adapter's kinds for a connection that could not be made, closed, or timed out. */
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'])

/** A server ending the session or not taking one: shutting down, crashed, starting up. */
const GOING_AWAY = new Set(['57P01', '57P02', '57P03'])

const CONNECTION_FAILURE = '08006'

type KnownRequestError = Error & { code: string; meta?: Record<string, unknown> }

/** What the driver adapter reported: its kind, and the SQLSTATE when the server sent one. */
type AdapterCause = { kind: string; sqlstate?: string }

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

/**
 * The cause a driver adapter's error (`DriverAdapterError`) carries: `{ kind, … }`, with the
 * server's SQLSTATE as `originalCode` (and as `code` for kind `postgres`). Prisma wraps it in a
 * known request error (`meta.driverAdapterError`) when it has a code for the kind, and rethrows
 * it bare when it has none: any SQLSTATE it does not map, such as 57P01.
 */
function adapterCause(error: unknown): AdapterCause | undefined {
  const adapterError = isKnownRequestError(error) ? error.meta?.driverAdapterError : error
  if (
    !(adapterError instanceof Error) ||
    adapterError.name !== 'DriverAdapterError' ||
    typeof adapterError.cause !== 'object' ||
    adapterError.cause === null ||
    !('kind' in adapterError.cause)
  ) {
    return undefined
  }
  const cause: Record<string, unknown> = { ...adapterError.cause }
  const sqlstate = [cause.originalCode, cause.code].find((code) => typeof code === 'string')
  return { kind: String(cause.kind), sqlstate }
}

/**
 * The SQLSTATE of a statement the database refused (`23505` for a unique violation), whether
 * Prisma wrapped the adapter's error or threw it bare. When the database can't be reached, went
 * away (shut down, crashed, restarting) or dropped the connection, a class 08 code: the one the
 * server sent, else `08006` (connection failure). Undefined for anything else.
 */
export function databaseErrorCode(error: unknown): string | undefined {
  const cause = adapterCause(error)
  const sqlstate = cause?.sqlstate
  if (sqlstate?.startsWith('08')) {
    return sqlstate
  }
  if (
    (sqlstate !== undefined && GOING_AWAY.has(sqlstate)) ||
    (cause !== undefined && UNREACHABLE_KINDS.has(cause.kind))
  ) {
    return CONNECTION_FAILURE
  }
  if (isKnownRequestError(error)) {
    if (
      UNREACHABLE.has(error.code) ||
      (error.code === 'P2028' && TRANSACTION_LOST.some((text) => error.message.includes(text)))
    ) {
      return CONNECTION_FAILURE
    }
    return SQLSTATES[error.code] ?? sqlstate
  }
  return sqlstate
}
