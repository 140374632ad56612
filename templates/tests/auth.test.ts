import { eq } from 'drizzle-orm'
import { SignJWT } from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import { POST as login } from '@/app/api/auth/login/route'
import { POST as logout } from '@/app/api/auth/logout/route'
import { POST as refresh } from '@/app/api/auth/refresh/route'
import { POST as register } from '@/app/api/auth/register/route'
import {
  DELETE as singleRouteLogout,
  GET as singleRouteSession,
  POST as singleRouteLogin,
} from '@/app/api/auth/route'
import { GET as session } from '@/app/api/auth/session/route'
import { users } from '@/db/schema'
import { getDb } from '@/lib/db'
import {
  PASSWORD,
  apiRequest,
  cookieValue,
  readProblem,
  resetDatabase,
  setCookies,
  signUp,
  uniqueEmail,
} from './helpers'

const ORIGIN = 'http://localhost'

beforeEach(async () => {
  await resetDatabase()
})

async function loginResponse(email: string, password = PASSWORD, ip = '198.51.100.7') {
  return login(
    apiRequest('POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip },
    }),
  )
}

describe('register', () => {
  it('creates a user and never returns the hash', async () => {
    const response = await register(
      apiRequest('POST', '/api/auth/register', {
        body: { email: '  New.User@Example.COM ', password: PASSWORD },
      }),
    )
    expect(response.status).toBe(201)
    const user = (await response.json()) as Record<string, unknown>
    expect(user).toMatchObject({ email: 'new.user@example.com', role: '[[ app.auth.default_role ]]' })
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'id', 'role', 'updatedAt'])

    const db = await getDb()
    const [row] = await db.select().from(users).where(eq(users.email, 'new.user@example.com'))
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('answers 409 for a duplicate email, whatever its case', async () => {
    const email = uniqueEmail()
    await signUp('[[ app.auth.default_role ]]', email)
    const response = await register(
      apiRequest('POST', '/api/auth/register', {
        body: { email: email.toUpperCase(), password: PASSWORD },
      }),
    )
    expect(response.status).toBe(409)
  })

  it('validates email and password length (422) and JSON (400)', async () => {
    const response = await register(
      apiRequest('POST', '/api/auth/register', { body: { email: 'nope', password: 'short' } }),
    )
    expect(response.status).toBe(422)
    const paths = (await readProblem(response)).issues?.map((issue) => issue.path[0]).sort()
    expect(paths).toEqual(['email', 'password'])

    const tooLong = await register(
      apiRequest('POST', '/api/auth/register', {
        body: { email: uniqueEmail(), password: 'x'.repeat(129) },
      }),
    )
    expect(tooLong.status).toBe(422)

    const malformed = await register(
      apiRequest('POST', '/api/auth/register', { rawBody: '{"email":' }),
    )
    expect(malformed.status).toBe(400)
  })

  it('keeps the password exactly as typed (no trimming)', async () => {
    const email = uniqueEmail()
    await register(
      apiRequest('POST', '/api/auth/register', { body: { email, password: `  ${PASSWORD}  ` } }),
    )
    expect((await loginResponse(email, PASSWORD)).status).toBe(401)
    expect((await loginResponse(email, `  ${PASSWORD}  `)).status).toBe(200)
  })
})

describe('login', () => {
  it('sets HttpOnly cookies and returns the access token', async () => {
    const user = await signUp()
    const response = await loginResponse(user.email)
    expect(response.status).toBe(200)
    const { token } = (await response.json()) as { token: string }
    expect(token.split('.')).toHaveLength(3)

    const cookies = setCookies(response)
    for (const name of ['access_token', 'refresh_token']) {
      expect(cookies[name]).toMatch(/HttpOnly/i)
      expect(cookies[name]).toMatch(/SameSite=lax/i)
      expect(cookies[name]).toMatch(/Path=\//)
    }
    expect(cookieValue(cookies.access_token ?? '')).toBe(token)

    const me = await session(apiRequest('GET', '/api/auth/session', { token }))
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ id: user.id, email: user.email })
  })

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const user = await signUp()
    const wrongPassword = await loginResponse(user.email, 'not the right password')
    const unknownEmail = await loginResponse(uniqueEmail(), 'not the right password')
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json())
  })

  it('rate-limits failed logins per email and address (429 + Retry-After)', async () => {
    const user = await signUp()
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await loginResponse(user.email, 'wrong password!')).status).toBe(401)
    }
    const blocked = await loginResponse(user.email)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)

    const otherAddress = await loginResponse(user.email, PASSWORD, '192.0.2.99')
    expect(otherAddress.status).toBe(200)
  })
})

describe('session', () => {
  it('answers 401 without a token and no-store with one', async () => {
    const anonymous = await session(apiRequest('GET', '/api/auth/session'))
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')

    const user = await signUp()
    const response = await session(
      apiRequest('GET', '/api/auth/session', { cookies: { access_token: user.token } }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('refuses an unsigned (alg: none) token', async () => {
    const user = await signUp()
    const [, payload] = user.token.split('.')
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    const response = await session(
      apiRequest('GET', '/api/auth/session', { token: `${header}.${payload}.` }),
    )
    expect(response.status).toBe(401)
  })

  it('refuses a tampered token and one signed with another key', async () => {
    const user = await signUp()
    const [header, payload, signature] = user.token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >
    const forged = Buffer.from(JSON.stringify({ ...claims, role: '[[ app.auth.roles | last ]]' })).toString('base64url')
    const tampered = await session(
      apiRequest('GET', '/api/auth/session', { token: `${header}.${forged}.${signature}` }),
    )
    expect(tampered.status).toBe(401)

    const otherKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-that-is-long-enough-000000'))
    const wrongKey = await session(apiRequest('GET', '/api/auth/session', { token: otherKey }))
    expect(wrongKey.status).toBe(401)
  })
})

describe('refresh', () => {
  it('rotates the refresh token; reusing the old one revokes the session', async () => {
    const user = await signUp()
    const first = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: user.refreshToken },
        headers: { origin: ORIGIN },
      }),
    )
    expect(first.status).toBe(200)
    const { token } = (await first.json()) as { token: string }
    const rotated = cookieValue(setCookies(first).refresh_token ?? '')
    expect(rotated).not.toBe(user.refreshToken)
    expect((await session(apiRequest('GET', '/api/auth/session', { token }))).status).toBe(200)

    const reused = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: user.refreshToken },
        headers: { origin: ORIGIN },
      }),
    )
    expect(reused.status).toBe(401)

    const afterReuse = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: rotated },
        headers: { origin: ORIGIN },
      }),
    )
    expect(afterReuse.status).toBe(401)
    expect((await session(apiRequest('GET', '/api/auth/session', { token }))).status).toBe(401)
  })

  it('answers 401 without a refresh token', async () => {
    const response = await refresh(apiRequest('POST', '/api/auth/refresh'))
    expect(response.status).toBe(401)
  })
})

describe('logout', () => {
  it('revokes the session: the old access token is 401 afterwards', async () => {
    const user = await signUp()
    const response = await logout(apiRequest('POST', '/api/auth/logout', { token: user.token }))
    expect(response.status).toBe(204)
    const cookies = setCookies(response)
    expect(cookies.access_token).toMatch(/Max-Age=0/)
    expect(cookies.refresh_token).toMatch(/Max-Age=0/)

    const me = await session(apiRequest('GET', '/api/auth/session', { token: user.token }))
    expect(me.status).toBe(401)
    const refreshed = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: user.refreshToken },
        headers: { origin: ORIGIN },
      }),
    )
    expect(refreshed.status).toBe(401)
  })
})

describe('single route /api/auth', () => {
  it('logs in with POST, reads the session with GET and logs out with DELETE', async () => {
    const user = await signUp()
    const loggedIn = await singleRouteLogin(
      apiRequest('POST', '/api/auth', { body: { email: user.email, password: PASSWORD } }),
    )
    expect(loggedIn.status).toBe(200)
    const { token } = (await loggedIn.json()) as { token: string }
    expect((await singleRouteSession(apiRequest('GET', '/api/auth', { token }))).status).toBe(200)
    expect((await singleRouteLogout(apiRequest('DELETE', '/api/auth', { token }))).status).toBe(204)
    expect((await singleRouteSession(apiRequest('GET', '/api/auth', { token }))).status).toBe(401)
  })
})

describe('CSRF', () => {
  it('refuses cookie-authenticated writes from another origin (403)', async () => {
    const user = await signUp()
    const cookies = { access_token: user.token }

    const crossOrigin = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies,
        headers: { origin: 'https://evil.example' },
      }),
    )
    expect(crossOrigin.status).toBe(403)
    const crossSite = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies,
        headers: { 'sec-fetch-site': 'cross-site', origin: ORIGIN },
      }),
    )
    expect(crossSite.status).toBe(403)
    const noOrigin = await logout(apiRequest('POST', '/api/auth/logout', { cookies }))
    expect(noOrigin.status).toBe(403)
    const me = await session(apiRequest('GET', '/api/auth/session', { token: user.token }))
    expect(me.status).toBe(200)

    const fetchMetadata = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies,
        headers: { 'sec-fetch-site': 'same-origin' },
      }),
    )
    expect(fetchMetadata.status).toBe(204)
  })

  it('accepts an Origin that names the host the request was sent to', async () => {
    const user = await signUp()
    const response = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies: { access_token: user.token },
        headers: { host: 'app.example', origin: 'https://app.example' },
      }),
    )
    expect(response.status).toBe(204)
  })

  it('exempts Bearer-authenticated requests', async () => {
    const user = await signUp()
    const response = await logout(
      apiRequest('POST', '/api/auth/logout', {
        token: user.token,
        headers: { origin: 'https://elsewhere.example' },
      }),
    )
    expect(response.status).toBe(204)
  })
})
