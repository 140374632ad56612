[% if app.auth.strategy == "jwt" %]
import 'server-only'
import { jwtVerify, SignJWT } from 'jose'
import { ConfigurationError } from '@/lib/errors'
import type { Role } from '@/types'

// In production the cookies carry the __Host- prefix: browsers then accept them only when
// Secure, with Path=/ and without a Domain, so no subdomain can set or shadow them.
export const COOKIE_PREFIX = process.env.NODE_ENV === 'production' ? '__Host-' : ''

export const ACCESS_TOKEN_COOKIE = `${COOKIE_PREFIX}access_token`
export const REFRESH_TOKEN_COOKIE = `${COOKIE_PREFIX}refresh_token`

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60
export const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60

const JWT_ALGORITHM = 'HS256'
const JWT_ISSUER = '[[ app.name ]]'
const JWT_AUDIENCE = '[[ app.name ]]'
const MIN_SECRET_LENGTH = 32
const DEV_SECRET = 'dev-only-secret-do-not-use-in-production-0000'

const roles: readonly Role[] = [ [[ app.auth.roles | quoted | join(sep=", ") ]] ]

export type AccessTokenClaims = {
  userId: string
  role: Role
  sessionId: string
}

export type CookieOptions = {
  httpOnly: boolean
  secure: boolean
  sameSite: 'lax'
  path: string
  maxAge: number
}

let warnedAboutDevSecret = false

/**
 * Read lazily, so `next build` works without AUTH_SECRET; production refuses to start without
 * one (src/instrumentation-node.ts), and to sign or verify with a short or published one.
 */
function getSecretKey(): Uint8Array {
  const secret = process.env.AUTH_SECRET
  if (secret && secret.length >= MIN_SECRET_LENGTH && secret !== DEV_SECRET) {
    return new TextEncoder().encode(secret)
  }
  if (process.env.NODE_ENV === 'production') {
    throw new ConfigurationError(
      `AUTH_SECRET must be a secret of at least ${MIN_SECRET_LENGTH} characters in production.`,
    )
  }
  if (!warnedAboutDevSecret) {
    warnedAboutDevSecret = true
    console.warn('AUTH_SECRET is not set (or too short): using a fixed development secret.')
  }
  return new TextEncoder().encode(DEV_SECRET)
}

/** Throws when production runs without a usable AUTH_SECRET. */
export function assertAuthSecret(): void {
  getSecretKey()
}

export async function signAccessToken(claims: AccessTokenClaims): Promise<string> {
  return new SignJWT({ role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: JWT_ALGORITHM })
    .setSubject(claims.userId)
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(getSecretKey())
}

/** The token's claims, or null when it is malformed, forged, expired or of another algorithm. */
export async function verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
  const key = getSecretKey()
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    })
    const role = roles.find((candidate) => candidate === payload.role)
    if (!payload.sub || !role || typeof payload.sid !== 'string') {
      return null
    }
    return { userId: payload.sub, role, sessionId: payload.sid }
  } catch {
    return null
  }
}

/** HttpOnly, SameSite=Lax, Path=/, and Secure in production. */
export function cookieOptions(maxAge: number): CookieOptions {
  return {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'lax',
    path: '/',
    maxAge,
  }
}

export function accessTokenCookieOptions(): CookieOptions {
  return cookieOptions(ACCESS_TOKEN_TTL_SECONDS)
}

export function refreshTokenCookieOptions(): CookieOptions {
  return cookieOptions(SESSION_TTL_SECONDS)
}

export function expiredCookieOptions(): CookieOptions {
  return cookieOptions(0)
}
[% else %]
import 'server-only'

// In production the cookie carries the __Host- prefix: browsers then accept it only when Secure,
// with Path=/ and without a Domain, so no subdomain can set or shadow it.
export const COOKIE_PREFIX = process.env.NODE_ENV === 'production' ? '__Host-' : ''

export const SESSION_COOKIE = `${COOKIE_PREFIX}session`

/** A session ends after a week without use… */
export const SESSION_IDLE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60
/** …and 30 days after sign-in, used or not. */
export const SESSION_ABSOLUTE_TIMEOUT_SECONDS = 30 * 24 * 60 * 60
/** Use moves the idle deadline forward, written to the database at most once an hour. */
export const SESSION_RENEWAL_INTERVAL_SECONDS = 60 * 60

export type CookieOptions = {
  httpOnly: boolean
  secure: boolean
  sameSite: 'lax'
  path: string
  maxAge: number
}

/** HttpOnly, SameSite=Lax, Path=/, and Secure in production. */
export function cookieOptions(maxAge: number): CookieOptions {
  return {
    httpOnly: true,
    secure: process.env.NODE_ENV === 'production',
    sameSite: 'lax',
    path: '/',
    maxAge,
  }
}

/** The browser keeps the cookie until the absolute deadline; the server enforces the idle one. */
export function sessionCookieOptions(): CookieOptions {
  return cookieOptions(SESSION_ABSOLUTE_TIMEOUT_SECONDS)
}

export function expiredCookieOptions(): CookieOptions {
  return cookieOptions(0)
}
[% endif %]
