import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import * as z from 'zod'
import {
  BadRequestError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  ServiceError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
  isDatabaseUnavailable,
  type ErrorIssue,
} from '@/lib/errors'
import { uuidSchema } from '@/schemas/common'

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  issues?: ErrorIssue[] | z.core.$ZodIssue[]
}

/** An RFC 9457 problem details response. */
export function problem(
  status: number,
  detail: string,
  options: { issues?: Problem['issues']; headers?: HeadersInit } = {},
): NextResponse<Problem> {
  const body: Problem = {
    type: 'about:blank',
    title: statusTitles[status] ?? 'Error',
    status,
    detail,
  }
  if (options.issues) {
    body.issues = options.issues
  }
  const headers = new Headers(options.headers)
  headers.set('Content-Type', 'application/problem+json')
  headers.set('Cache-Control', 'no-store')
  return NextResponse.json(body, { status, headers })
}

/** Maps anything a handler throws to a problem response; unknown errors are logged and hidden. */
export function errorResponse(error: unknown): NextResponse<Problem> {
  if (error instanceof z.ZodError) {
    return problem(422, 'The request did not pass validation.', { issues: error.issues })
  }
  if (error instanceof ValidationError) {
    return problem(422, error.message, { issues: error.issues })
  }
  if (error instanceof RateLimitError || error instanceof ServiceUnavailableError) {
    return problem(error.status, error.message, {
      headers: { 'Retry-After': String(error.retryAfterSeconds) },
    })
  }
  if (error instanceof ServiceError) {
    return problem(error.status, error.message)
  }
  if (isDatabaseUnavailable(error)) {
    console.error(error)
    return errorResponse(new ServiceUnavailableError())
  }
  console.error(error)
  return problem(500, 'An unexpected error occurred.')
}

/** The largest request body a route handler reads. */
export const MAX_BODY_BYTES = 100 * 1024

const jsonMediaType = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/** The parsed JSON body: another media type is a 415, over 100 kB a 413, malformed JSON a 400. */
export async function parseJson(request: NextRequest): Promise<unknown> {
  if (!jsonMediaType.test(request.headers.get('content-type') ?? '')) {
    throw new UnsupportedMediaTypeError()
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError()
  }
  const text = await request.text()
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError()
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequestError('The request body is not valid JSON.')
  }
}

/** The query string parsed with a schema; a failure is a 422. */
export function parseQuery<T extends z.ZodType>(request: NextRequest, schema: T): z.output<T> {
  return schema.parse(Object.fromEntries(request.nextUrl.searchParams))
}

/** A path id: anything but a UUID can't name a row, so it is a 404 rather than a 422. */
export function parseId(id: string): string {
  const result = uuidSchema.safeParse(id)
  if (!result.success) {
    throw new NotFoundError()
  }
  return result.data
}
