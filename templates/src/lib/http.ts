import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import * as z from 'zod'
import {
  BadRequestError,
[% if app.auth.enabled %]
  ForbiddenError,
[% endif %]
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
[% if app.auth.strategy == "jwt" %]
import {
  ACCESS_TOKEN_COOKIE,
  REFRESH_TOKEN_COOKIE,
  accessTokenCookieOptions,
  expiredCookieOptions,
  refreshTokenCookieOptions,
} from '@/lib/utils/auth'
[% elif app.auth.enabled %]
import { SESSION_COOKIE, expiredCookieOptions, sessionCookieOptions } from '@/lib/utils/auth'
[% endif %]

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

[% if app.auth.providers %]
/**
 * A 303 to a path of this app. The Location stays relative: the browser resolves it against
 * the address it used, whatever host name or proxy the server sees.
 */
export function seeOther(path: string): NextResponse {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: path, 'Cache-Control': 'no-store' },
  })
}

[% endif %]
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

[% if app.auth.enabled %]
const safeMethods = ['GET', 'HEAD', 'OPTIONS']

/** The host the browser addressed: what a same-origin request's Origin must name. */
function requestHost(headers: Headers, url?: URL): string | undefined {
  return headers.get('x-forwarded-host') ?? headers.get('host') ?? url?.host
}

/**
 * Whether an Origin header names this app: exactly APP_ORIGIN when that is set (set it behind a
 * proxy); otherwise the host the request was sent to.
 */
function isAppOrigin(origin: string, headers: Headers, url?: URL): boolean {
  const appOrigin = process.env.APP_ORIGIN
  if (appOrigin) {
    return URL.canParse(appOrigin) && origin === new URL(appOrigin).origin
  }
  return URL.canParse(origin) && new URL(origin).host === requestHost(headers, url)
}

/**
 * CSRF defence for cookie-authenticated writes, route handlers and server actions alike: the
 * browser must say the request is same-origin (Sec-Fetch-Site) or, where it doesn't send that
 * header, name this app as the Origin. A missing or `null` Origin is refused.
 */
export function isSameOriginRequest(headers: Headers, url?: URL): boolean {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite) {
    return fetchSite === 'same-origin'
  }
  const origin = headers.get('origin')
  return origin !== null && isAppOrigin(origin, headers, url)
}

function assertSameOrigin(request: NextRequest): void {
  if (
    !safeMethods.includes(request.method) &&
    !isSameOriginRequest(request.headers, request.nextUrl)
  ) {
    throw new ForbiddenError('Cross-site requests are not allowed.')
  }
}

/**
 * The [[ "access" if app.auth.strategy == "jwt" else "session" ]] token from `Authorization: Bearer` or, failing that, the cookie (never the
 * URL). Cookie-authenticated writes from another origin are refused (403).
 */
export function readAccessToken(request: NextRequest): string | null {
  const authorization = request.headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) {
    return authorization.slice('Bearer '.length).trim() || null
  }
  const cookie = request.cookies.get([[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]])?.value
  if (!cookie) {
    return null
  }
  assertSameOrigin(request)
  return cookie
}

[% if app.auth.strategy == "jwt" %]
/** The refresh token cookie; refused (403) when the request comes from another origin. */
export function readRefreshToken(request: NextRequest): string | null {
  const cookie = request.cookies.get(REFRESH_TOKEN_COOKIE)?.value
  if (!cookie) {
    return null
  }
  assertSameOrigin(request)
  return cookie
}

[% endif %]
/**
 * How many proxies in front of the app append to X-Forwarded-For: `TRUST_PROXY=1` (or `true`)
 * behind one load balancer. Unset, the header is not trusted, since any client can write it.
 */
function trustedProxyHops(): number {
  const setting = process.env.TRUST_PROXY?.trim().toLowerCase()
  if (setting === 'true') {
    return 1
  }
  const hops = Number.parseInt(setting ?? '', 10)
  return Number.isInteger(hops) && hops > 0 ? hops : 0
}

/**
 * The client address, for the per-address rate limits: the address the outermost trusted proxy
 * saw. Without TRUST_PROXY every client shares one address (`untrusted`), and only the
 * per-account limits tell clients apart.
 */
export function clientIp(headers: Headers): string {
  const hops = trustedProxyHops()
  if (hops === 0) {
    return 'untrusted'
  }
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '')
  return (chain[chain.length - hops] ?? chain[0] ?? 'unknown').slice(0, 64)
}

[% if app.auth.strategy == "jwt" %]
/** `{ token }` for API clients, with both tokens also set as HttpOnly cookies for browsers. */
export function tokenResponse(tokens: { accessToken: string; refreshToken: string }): NextResponse {
  const response = NextResponse.json(
    { token: tokens.accessToken },
    { headers: { 'Cache-Control': 'no-store' } },
  )
  setAuthCookies(response, tokens)
  return response
}

/** Sets both tokens as HttpOnly cookies. */
export function setAuthCookies(
  response: NextResponse,
  tokens: { accessToken: string; refreshToken: string },
): void {
  response.cookies.set(ACCESS_TOKEN_COOKIE, tokens.accessToken, accessTokenCookieOptions())
  response.cookies.set(REFRESH_TOKEN_COOKIE, tokens.refreshToken, refreshTokenCookieOptions())
}

export function clearAuthCookies(response: NextResponse): void {
  response.cookies.set(ACCESS_TOKEN_COOKIE, '', expiredCookieOptions())
  response.cookies.set(REFRESH_TOKEN_COOKIE, '', expiredCookieOptions())
}
[% else %]
/** `{ token }` for API clients, with the session token also set as an HttpOnly cookie. */
export function tokenResponse(tokens: { sessionToken: string }): NextResponse {
  const response = NextResponse.json(
    { token: tokens.sessionToken },
    { headers: { 'Cache-Control': 'no-store' } },
  )
  setAuthCookies(response, tokens)
  return response
}

/** Sets the session token as an HttpOnly cookie. */
export function setAuthCookies(response: NextResponse, tokens: { sessionToken: string }): void {
  response.cookies.set(SESSION_COOKIE, tokens.sessionToken, sessionCookieOptions())
}

export function clearAuthCookies(response: NextResponse): void {
  response.cookies.set(SESSION_COOKIE, '', expiredCookieOptions())
}
[% endif %]
[% endif %]
