import { databaseErrorCode } from '@/db/errors'

export type ErrorIssue = {
  path: PropertyKey[]
  message: string
}

/** Base class for errors a service throws on purpose; the HTTP layer maps each to a status. */
export class ServiceError extends Error {
  readonly status: number

  constructor(status: number, message: string) {
    super(message)
    this.name = new.target.name
    this.status = status
  }
}

export class BadRequestError extends ServiceError {
  constructor(message = 'The request could not be understood.') {
    super(400, message)
  }
}

export class UnauthorizedError extends ServiceError {
  constructor(message = 'Authentication is required.') {
    super(401, message)
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message = 'You are not allowed to perform this action.') {
    super(403, message)
  }
}

export class NotFoundError extends ServiceError {
  constructor(message = 'The resource was not found.') {
    super(404, message)
  }
}

export class ConflictError extends ServiceError {
  constructor(message = 'The resource conflicts with an existing one.') {
    super(409, message)
  }
}

export class ValidationError extends ServiceError {
  readonly issues: ErrorIssue[]

  constructor(message: string, issues: ErrorIssue[] = []) {
    super(422, message)
    this.issues = issues
  }
}

/** A reference to a row that does not exist, or that the caller may not see: 422 on its field. */
export function referenceNotFound(field: string, subject: string): ValidationError {
  const noun = subject.charAt(0).toUpperCase() + subject.slice(1)
  return new ValidationError(`The referenced ${subject} does not exist.`, [
    { path: [field], message: `${noun} not found.` },
  ])
}

export class PayloadTooLargeError extends ServiceError {
  constructor(message = 'The request body is too large.') {
    super(413, message)
  }
}

export class UnsupportedMediaTypeError extends ServiceError {
  constructor(message = 'Send the request body as application/json.') {
    super(415, message)
  }
}

export class RateLimitError extends ServiceError {
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number) {
    super(429, 'Too many attempts. Try again later.')
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** The database can't be reached right now; the client may retry after a few seconds. */
export class ServiceUnavailableError extends ServiceError {
  readonly retryAfterSeconds: number

  constructor(message = 'The database is unavailable. Try again shortly.', retryAfterSeconds = 5) {
    super(503, message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export class ConfigurationError extends ServiceError {
  constructor(message: string) {
    super(500, message)
  }
}

const UNIQUE_VIOLATION = '23505'
const FOREIGN_KEY_VIOLATION = '23503'

/**
 * Errors that mean the database can't be reached right now rather than that the request was
 * wrong: refused or dropped connections, a server shutting down or starting up (SQLSTATE class
 * 08, 57P01–57P03), a pool that timed out waiting for a connection.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
])
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
]

/** Whether `error`, or an error it wraps, says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (databaseErrorCode(error)?.startsWith('08')) {
    return true
  }
  let cause: unknown = error
  for (let depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = 'code' in cause ? String(cause.code) : ''
    const { message } = cause
    if (
      UNAVAILABLE_CODES.has(code) ||
      code.startsWith('08') ||
      UNAVAILABLE_MESSAGES.some((text) => message.includes(text))
    ) {
      return true
    }
    cause = cause instanceof AggregateError ? cause.errors[0] : cause.cause
  }
  return false
}

/** Turns the database errors that bad input can cause into service errors; rethrows the rest. */
export function translateDatabaseError(error: unknown): never {
  const code = databaseErrorCode(error)
  if (code === UNIQUE_VIOLATION) {
    throw new ConflictError('A record with the same unique value already exists.')
  }
  if (code === FOREIGN_KEY_VIOLATION) {
    throw new ValidationError('A referenced record does not exist.')
  }
  throw error
}
