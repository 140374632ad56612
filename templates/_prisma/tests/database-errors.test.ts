import { describe, expect, it, vi } from 'vitest'
import { databaseErrorCode } from '@/db/errors'
import { Prisma } from '@/generated/prisma/client'
import { ConflictError, isDatabaseUnavailable, translateDatabaseError } from '@/lib/errors'
import { errorResponse } from '@/lib/http'

// Each error below was logged from a generated app's production build, or a script on its
// client, with @prisma/client and @prisma/adapter-pg 7.5.0 on PostgreSQL 15 while 100 writers
// ran and the server was stopped (`pg_ctl stop -m fast`) and started again, or one of its
// processes was killed; the refused statements on PGlite (pglite-prisma-adapter 0.7.2) too, in
// the same shapes. Left out: the stacks, and the line of the call in each message.

const clientVersion = '7.5.0'

/** A `DriverAdapterError`: the adapter's account of the failure is its `cause`. */
function adapterError(message: string, cause: Record<string, unknown>): Error {
  const error = new Error(message, { cause })
  error.name = 'DriverAdapterError'
  return error
}

/** What the adapter reports for a SQLSTATE Prisma has no code for (kind `postgres`). */
function serverError(code: string, message: string, severity = 'FATAL', detail?: string): Error {
  return adapterError(message, {
    originalCode: code,
    originalMessage: message,
    kind: 'postgres',
    code,
    severity,
    message,
    detail,
    column: undefined,
    hint: undefined,
  })
}

/** An error the client rethrows as it came (with its version added). */
function bare(error: Error): Error {
  return Object.assign(error, { clientVersion })
}

function known(
  call: string,
  text: string,
  code: string,
  meta: Record<string, unknown>,
): Prisma.PrismaClientKnownRequestError {
  const message = `\nInvalid \`prisma.${call}()\` invocation:\n\n\n${text}`
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion, meta })
}

const notReachable = () =>
  adapterError('DatabaseNotReachable', {
    kind: 'DatabaseNotReachable',
    host: '127.0.0.1',
    port: 54525,
  })
const adminShutdown = () =>
  serverError('57P01', 'terminating connection due to administrator command')
const startingUp = () => serverError('57P03', 'the database system is starting up')
const uniqueViolation = () =>
  adapterError('UniqueConstraintViolation', {
    originalCode: '23505',
    originalMessage: 'duplicate key value violates unique constraint "events_pkey"',
    kind: 'UniqueConstraintViolation',
    constraint: { fields: ['id'] },
  })

/** The database going away, coming back, or out of reach: [what, the error, its code]. */
const unavailable: [string, Error, string | undefined][] = [
  ['57P01, bare', bare(adminShutdown()), '08006'],
  [
    '57P03 shutting down, bare',
    bare(serverError('57P03', 'the database system is shutting down')),
    '08006',
  ],
  ['57P03 starting up, bare', bare(startingUp()), '08006'],
  [
    '57P03 in recovery, bare',
    bare(serverError('57P03', 'the database system is in recovery mode')),
    '08006',
  ],
  [
    '57P03 not yet accepting connections, bare',
    bare(
      serverError(
        '57P03',
        'the database system is not yet accepting connections',
        'FATAL',
        'Consistent recovery state has not been yet reached.',
      ),
    ),
    '08006',
  ],
  [
    'P1001 DatabaseNotReachable',
    known('event.create', "Can't reach database server at 127.0.0.1:54525", 'P1001', {
      modelName: 'Event',
      driverAdapterError: notReachable(),
    }),
    '08006',
  ],
  [
    'P1017 ConnectionClosed',
    known('event.create', 'Server has closed the connection.', 'P1017', {
      modelName: 'Event',
      driverAdapterError: adapterError('ConnectionClosed', { kind: 'ConnectionClosed' }),
    }),
    '08006',
  ],
  [
    'P2010 (raw query) 57P01',
    known(
      '$queryRaw',
      'Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`',
      'P2010',
      { driverAdapterError: adminShutdown() },
    ),
    '08006',
  ],
  [
    'P2010 (raw query) 57P03',
    known(
      '$executeRaw',
      'Raw query failed. Code: `57P03`. Message: `the database system is starting up`',
      'P2010',
      { driverAdapterError: startingUp() },
    ),
    '08006',
  ],
  [
    'P2010 (raw query) DatabaseNotReachable',
    known(
      '$executeRaw',
      "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:54525`",
      'P2010',
      { driverAdapterError: notReachable() },
    ),
    '08006',
  ],
  [
    'P2028, the commit of an update lost',
    known(
      'event.updateManyAndReturn',
      'Transaction API error: Transaction already closed: A rollback cannot be executed on a committed transaction.',
      'P2028',
      { modelName: 'Event' },
    ),
    '08006',
  ],
  [
    'pg: Connection terminated unexpectedly',
    bare(new Error('Connection terminated unexpectedly')),
    undefined,
  ],
  [
    'pg: not queryable',
    bare(new Error('Client has encountered a connection error and is not queryable')),
    undefined,
  ],
]

describe('a database that is away', () => {
  it.each(unavailable)('%s: 503 with Retry-After', async (_what, error, code) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    [[ <tests.expect_unavailable /> ]]
    log.mockRestore()
  })
})

describe('a statement the database refused', () => {
  it('is its SQLSTATE, wrapped or from a raw query, and a unique violation is a conflict', () => {
    const create = known(
      'event.create',
      'Unique constraint failed on the fields: (`id`)',
      'P2002',
      {
        modelName: 'Event',
        driverAdapterError: uniqueViolation(),
      },
    )
    const raw = known(
      '$executeRaw',
      'Raw query failed. Code: `23505`. Message: `duplicate key value violates unique constraint "events_pkey"`',
      'P2010',
      { driverAdapterError: uniqueViolation() },
    )
    expect(databaseErrorCode(create)).toBe('23505')
    expect(databaseErrorCode(raw)).toBe('23505')
    expect(() => translateDatabaseError(create)).toThrow(ConflictError)
  })

  it('is a 500 when it is not the database going away', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const divisionByZero = known(
      '$executeRaw',
      'Raw query failed. Code: `22012`. Message: `division by zero`',
      'P2010',
      { driverAdapterError: serverError('22012', 'division by zero', 'ERROR') },
    )
    // A SQLSTATE Prisma has no code for comes bare (a NUL in text, which the schemas refuse).
    const nul = bare(
      serverError('22021', 'invalid byte sequence for encoding "UTF8": 0x00', 'ERROR'),
    )
    // An embedded database closed under the app is a bug, not an outage.
    const closed = bare(new Error('PGlite is closed'))
    for (const [error, code] of [
      [divisionByZero, '22012'],
      [nul, '22021'],
      [closed, undefined],
    ] as const) {
      expect(databaseErrorCode(error)).toBe(code)
      expect(isDatabaseUnavailable(error)).toBe(false)
      expect(errorResponse(error).status).toBe(500)
    }
    log.mockRestore()
  })
})
