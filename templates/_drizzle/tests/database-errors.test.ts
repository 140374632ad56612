import { DrizzleQueryError } from 'drizzle-orm'
import { DatabaseError } from 'pg'
import { describe, expect, it, vi } from 'vitest'
import { databaseErrorCode } from '@/db/errors'
import { ConflictError, isDatabaseUnavailable, translateDatabaseError } from '@/lib/errors'
import { errorResponse } from '@/lib/http'

// Each error below was logged from a generated app's production build (drizzle-orm 0.45 on
// node-postgres, PostgreSQL 15) while 100 writers ran and the server was stopped (`pg_ctl stop
// -m fast`) and started again, or one of its processes was killed; the refused statements from
// a script on the same client. Left out: the stacks.

const insert =
  'insert into "events" ("id", "title", "created_at", "updated_at") values (default, $1, default, default) returning "id", "title", "created_at", "updated_at"'

/** Drizzle's error for a failed query: the driver's error is its `cause`. */
function failedQuery(cause: Error): DrizzleQueryError {
  return new DrizzleQueryError(insert, ['load 1'], cause)
}

/** An error the server sent, as node-postgres reads it. */
function serverError(code: string, message: string, severity = 'FATAL', detail?: string) {
  return Object.assign(new DatabaseError(message, 0, 'error'), { severity, code, detail })
}

/** A socket that could not connect, or was reset. */
function socketError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields)
}

/** The database going away, coming back, or out of reach: [what, the cause, its code]. */
const unavailable: [string, Error, string | undefined][] = [
  ['57P01', serverError('57P01', 'terminating connection due to administrator command'), '57P01'],
  ['57P03 shutting down', serverError('57P03', 'the database system is shutting down'), '57P03'],
  ['57P03 starting up', serverError('57P03', 'the database system is starting up'), '57P03'],
  ['57P03 in recovery', serverError('57P03', 'the database system is in recovery mode'), '57P03'],
  [
    '57P03 not yet accepting connections',
    serverError(
      '57P03',
      'the database system is not yet accepting connections',
      'FATAL',
      'Consistent recovery state has not been yet reached.',
    ),
    '57P03',
  ],
  [
    'ECONNREFUSED',
    socketError('connect ECONNREFUSED 127.0.0.1:54525', {
      errno: -111,
      code: 'ECONNREFUSED',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 54525,
    }),
    'ECONNREFUSED',
  ],
  [
    'ECONNRESET on connect',
    socketError('connect ECONNRESET 127.0.0.1:54525', {
      errno: -104,
      code: 'ECONNRESET',
      syscall: 'connect',
      address: '127.0.0.1',
      port: 54525,
    }),
    'ECONNRESET',
  ],
  [
    'ECONNRESET on read',
    socketError('read ECONNRESET', { errno: -104, code: 'ECONNRESET', syscall: 'read' }),
    'ECONNRESET',
  ],
  [
    'Connection terminated unexpectedly',
    new Error('Connection terminated unexpectedly'),
    undefined,
  ],
]

describe('a database that is away', () => {
  it.each(unavailable)('%s: 503 with Retry-After', async (_what, cause, code) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = failedQuery(cause)
    [[ <tests.expect_unavailable /> ]]
    log.mockRestore()
  })
})

describe('a statement the database refused', () => {
  it('is its SQLSTATE, and a unique violation is a conflict', () => {
    const duplicate = failedQuery(
      serverError(
        '23505',
        'duplicate key value violates unique constraint "events_pkey"',
        'ERROR',
        'Key (id)=(00000000-0000-4000-8000-000000000000) already exists.',
      ),
    )
    expect(databaseErrorCode(duplicate)).toBe('23505')
    expect(() => translateDatabaseError(duplicate)).toThrow(ConflictError)
  })

  it('is a 500 when it is not the database going away', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = failedQuery(
      serverError('22021', 'invalid byte sequence for encoding "UTF8": 0x00', 'ERROR'),
    )
    expect(databaseErrorCode(error)).toBe('22021')
    expect(isDatabaseUnavailable(error)).toBe(false)
    expect(errorResponse(error).status).toBe(500)
    log.mockRestore()
  })
})
