import { createHash } from 'node:crypto'
[% if app.auth.strategy == "jwt" %]
import { SignJWT } from 'jose'
[% endif %]
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { POST as login } from '@/app/api/auth/login/route'
import { POST as logout } from '@/app/api/auth/logout/route'
import { POST as changePasswordRoute } from '@/app/api/auth/password/route'
[% if app.auth.strategy == "jwt" %]
import { POST as refresh } from '@/app/api/auth/refresh/route'
[% endif %]
import { POST as register } from '@/app/api/auth/register/route'
import { DELETE as singleRouteLogout, GET as singleRouteSession, POST as singleRouteLogin } from '@/app/api/auth/route'
import { GET as session } from '@/app/api/auth/session/route'
[% if app.auth.strategy == "jwt" %]
import { ConfigurationError, NotFoundError } from '@/lib/errors'
[% else %]
import { NotFoundError } from '@/lib/errors'
[% endif %]
import { clientIp } from '@/lib/http'
[% if app.auth.strategy == "session" %]
import { SESSION_ABSOLUTE_TIMEOUT_SECONDS, SESSION_IDLE_TIMEOUT_SECONDS } from '@/lib/utils/auth'
[% else %]
import { assertAuthSecret } from '@/lib/utils/auth'
[% endif %]
import { generateToken, hashPassword, verifyPassword } from '@/lib/utils/hash'
import { setUserRole } from '@/services/auth.service'
import { LOGIN_PER_ADDRESS, recordAttempt } from '@/services/rate-limit'
import { PASSWORD, apiRequest, cookieValue, readProblem, resetDatabase, setCookies, signUp, storedSessions, storedUsers, uniqueEmail, updateSessions } from './helpers'

const ORIGIN = 'http://localhost'
const AUTH_COOKIE = '[[ "access_token" if app.auth.strategy == "jwt" else "session" ]]'

beforeEach(async () => {
  await resetDatabase()
})

afterEach(() => {
  vi.unstubAllEnvs()
})

async function loginResponse(email: string, password = PASSWORD, ip = '198.51.100.7') {
  return login(
    apiRequest('POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip },
    }),
  )
}

async function registerResponse(email: string, password = PASSWORD, ip = '198.51.100.7') {
  return register(
    apiRequest('POST', '/api/auth/register', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip },
    }),
  )
}

/** Every key, at any depth, that names a password, a hash, a secret or a salt. */
function secretKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) {
    return []
  }
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(/password|hash|secret|salt/i.test(key) ? [key] : []),
    ...secretKeys(inner),
  ])
}

[% if app.auth.strategy == "jwt" %]
/** The claims of a JWT, read without checking it. */
function claimsOf(token: string): Record<string, unknown> {
  const [, payload] = token.split('.')
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
}

[% endif %]
async function sessionStatus(token: string): Promise<number> {
  return (await session(apiRequest('GET', '/api/auth/session', { token }))).status
}

async function changePassword(token: string, body: unknown): Promise<Response> {
  return changePasswordRoute(apiRequest('POST', '/api/auth/password', { token, body }))
}

describe('register', () => {
  it('creates a user with the email in lower case and never returns the hash', async () => {
    const response = await register(
      apiRequest('POST', '/api/auth/register', {
        body: { email: 'New.User@Example.COM', password: PASSWORD },
      }),
    )
    expect(response.status).toBe(201)
    const user = (await response.json()) as Record<string, unknown>
    expect(user).toMatchObject({ email: 'new.user@example.com', role: '[[ app.auth.default_role ]]' })
    expect(Object.keys(user).sort()).toEqual(['createdAt', 'email', 'id', 'role', 'updatedAt'])

    const [row] = await storedUsers('new.user@example.com')
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('verifies only the exact password', async () => {
    const passwordHash = await hashPassword(PASSWORD)
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(true)
    for (const wrong of ['', PASSWORD.slice(0, -1), `${PASSWORD} `, PASSWORD.toUpperCase()]) {
      expect(await verifyPassword(passwordHash, wrong)).toBe(false)
    }
    expect(await hashPassword(PASSWORD)).not.toBe(passwordHash)
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

  it('refuses keys the client may not set, such as a role (422)', async () => {
    const response = await register(
      apiRequest('POST', '/api/auth/register', {
        body: { email: uniqueEmail(), password: PASSWORD, role: '[[ app.auth.roles | last ]]', emailVerified: true },
      }),
    )
    expect(response.status).toBe(422)
    expect(await storedUsers()).toEqual([])
  })

  it('accepts plain addresses and refuses malformed or overlong ones', async () => {
    for (const email of ['a+b@example.co', 'first.last@sub.example.org']) {
      expect((await registerResponse(email)).status, email).toBe(201)
    }
    const overlong = `${'a'.repeat(250)}@example.com`
    const malformed = ['no-at-sign', 'a@b', 'a@@example.com', 'spaces in@example.com', overlong]
    for (const email of malformed) {
      expect((await registerResponse(email)).status, email).toBe(422)
    }
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
[% if app.auth.strategy == "jwt" %]
    expect(token.split('.')).toHaveLength(3)
[% else %]
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
[% endif %]

    const cookies = setCookies(response)
    for (const name of [[ "['access_token', 'refresh_token']" if app.auth.strategy == "jwt" else "['session']" ]]) {
      expect(cookies[name]).toMatch(/HttpOnly/i)
      expect(cookies[name]).toMatch(/SameSite=lax/i)
      expect(cookies[name]).toMatch(/Path=\//)
      // Outside production: no Secure flag (plain http in development) and no __Host- prefix.
      expect(cookies[name]).not.toMatch(/Secure/i)
    }
    expect(cookieValue(cookies[AUTH_COOKIE] ?? '')).toBe(token)

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
    expect(wrongPassword.headers.getSetCookie()).toEqual([])
    expect(unknownEmail.headers.getSetCookie()).toEqual([])
  })

  it('takes as long for an unknown email as for a wrong password', async () => {
    // Each attempt from its own address and account, clear of the rate limits.
    vi.stubEnv('TRUST_PROXY', '1')
    const rounds = 25
    const users = await Promise.all(Array.from({ length: rounds + 5 }, () => signUp()))
    const timed = async (email: string, round: number, kind: number) => {
      const started = performance.now()
      await loginResponse(email, 'not the right password', `198.51.${kind}.${round}`)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (const [round, user] of users.entries()) {
      const wrongPassword = await timed(user.email, round, 1)
      const unknownEmail = await timed(uniqueEmail(), round, 2)
      if (round >= 5) {
        known.push(wrongPassword)
        unknown.push(unknownEmail)
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0
    // Without the dummy hash an unknown email answers some twenty times faster.
    const ratio = median(unknown) / median(known)
    expect(ratio).toBeGreaterThan(0.6)
    expect(ratio).toBeLessThan(1.6)
  })

  it('ignores a session cookie the browser brought (no fixation)', async () => {
    const user = await signUp()
    const planted = 'attacker-chosen-value'
    const response = await login(
      apiRequest('POST', '/api/auth/login', {
        body: { email: user.email, password: PASSWORD },
        cookies: { [[ "access_token: planted, refresh_token: planted" if app.auth.strategy == "jwt" else "session: planted" ]] },
        headers: { origin: ORIGIN },
      }),
    )
    expect(response.status).toBe(200)
    expect(cookieValue(setCookies(response)[AUTH_COOKIE] ?? '')).not.toBe(planted)
    expect(await sessionStatus(planted)).toBe(401)
  })

  it('returns no secret in any answer', async () => {
    const email = uniqueEmail()
    const registered = await registerResponse(email)
    const signedIn = await loginResponse(email)
    const { token } = (await signedIn.clone().json()) as { token: string }
    const me = await session(apiRequest('GET', '/api/auth/session', { token }))
    for (const response of [registered, signedIn, me]) {
      expect(secretKeys(await response.json())).toEqual([])
    }
  })

  it('ends the session the browser already had (a new token on every login)', async () => {
    const user = await signUp()
    const again = await login(
      apiRequest('POST', '/api/auth/login', {
        body: { email: user.email, password: PASSWORD },
        cookies: { [[ "refresh_token: user.refreshToken" if app.auth.strategy == "jwt" else "session: user.token" ]] },
        headers: { origin: ORIGIN },
      }),
    )
    expect(again.status).toBe(200)
    const { token } = (await again.json()) as { token: string }
    expect(token).not.toBe(user.token)
    expect(await sessionStatus(user.token)).toBe(401)
    expect(await sessionStatus(token)).toBe(200)
  })
})

describe('passwords', () => {
  it('accepts any characters, with no composition rules, and 128 at most', async () => {
    for (const password of ['correct horse 🐎 battery', 'aaaaaaaaaaaa', 'é'.repeat(128)]) {
      const email = uniqueEmail()
      expect((await registerResponse(email, password)).status).toBe(201)
      expect((await loginResponse(email, password)).status).toBe(200)
    }
    expect((await registerResponse(uniqueEmail(), 'x'.repeat(11))).status).toBe(422)
  })

  it('refuses common passwords, in any case (422)', async () => {
    for (const password of ['password1234', 'QwertyUiop12']) {
      const response = await registerResponse(uniqueEmail(), password)
      expect(response.status).toBe(422)
      const problem = await readProblem(response)
      expect(problem.issues?.[0]?.message).toMatch(/too common/)
    }
  })

  it('refuses a 1 MB password before hashing it (413)', async () => {
    const started = performance.now()
    const response = await registerResponse(uniqueEmail(), 'x'.repeat(1024 * 1024))
    expect(response.status).toBe(413)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('changes only with the current password; the other sessions end', async () => {
    const user = await signUp()
    const other = await loginResponse(user.email)
    const { token: otherToken } = (await other.json()) as { token: string }
    const newPassword = 'a brand new passphrase'

    const wrong = await changePassword(user.token, {
      currentPassword: 'not the password',
      newPassword,
    })
    expect(wrong.status).toBe(403)
    const common = await changePassword(user.token, {
      currentPassword: PASSWORD,
      newPassword: 'password1234',
    })
    expect(common.status).toBe(422)
    expect(await sessionStatus(otherToken)).toBe(200)

    const changed = await changePassword(user.token, { currentPassword: PASSWORD, newPassword })
    expect(changed.status).toBe(204)
    expect(await sessionStatus(otherToken)).toBe(401)
    expect(await sessionStatus(user.token)).toBe(200)
[% if app.auth.strategy == "jwt" %]
    const otherRefresh = cookieValue(setCookies(other).refresh_token ?? '')
    const refreshed = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: otherRefresh },
        headers: { origin: ORIGIN },
      }),
    )
    expect(refreshed.status).toBe(401)
[% endif %]
    expect((await loginResponse(user.email, PASSWORD)).status).toBe(401)
    expect((await loginResponse(user.email, newPassword)).status).toBe(200)
  })

  it('needs a session to change the password (401)', async () => {
    const response = await changePasswordRoute(
      apiRequest('POST', '/api/auth/password', {
        body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      }),
    )
    expect(response.status).toBe(401)
  })
})

describe('rate limits', () => {
  it('count failed logins per account, from any address (429 + Retry-After)', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    const user = await signUp()
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await loginResponse(user.email, 'wrong password!', `192.0.2.${attempt}`)
      expect(response.status).toBe(401)
    }
    const blocked = await loginResponse(user.email, PASSWORD, '192.0.2.200')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    const unknownAccount = await loginResponse(uniqueEmail(), 'wrong password!', '192.0.2.201')
    expect(unknownAccount.status).toBe(401)
  })

  it('forget an account’s failures once its owner signs in', async () => {
    const user = await signUp()
    for (let attempt = 0; attempt < 9; attempt += 1) {
      expect((await loginResponse(user.email, 'wrong password!')).status).toBe(401)
    }
    expect((await loginResponse(user.email)).status).toBe(200)
    for (let attempt = 0; attempt < 9; attempt += 1) {
      expect((await loginResponse(user.email, 'wrong password!')).status).toBe(401)
    }
    expect((await loginResponse(user.email)).status).toBe(200)
  })

  it('count failed logins per address, across accounts', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    const user = await signUp()
    for (let attempt = 0; attempt < LOGIN_PER_ADDRESS.max; attempt += 1) {
      await recordAttempt('login', { email: uniqueEmail(), ip: '198.51.100.66' })
    }
    expect((await loginResponse(user.email, PASSWORD, '198.51.100.66')).status).toBe(429)
    expect((await loginResponse(user.email, PASSWORD, '198.51.100.67')).status).toBe(200)
  })

  it('limit registrations per address', async () => {
    vi.stubEnv('TRUST_PROXY', '1')
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await registerResponse(uniqueEmail(), PASSWORD, '203.0.113.50')).status).toBe(201)
    }
    expect((await registerResponse(uniqueEmail(), PASSWORD, '203.0.113.50')).status).toBe(429)
    expect((await registerResponse(uniqueEmail(), PASSWORD, '203.0.113.51')).status).toBe(201)
  })

  it('trust X-Forwarded-For only as far as TRUST_PROXY says', () => {
    const from = (forwardedFor: string) =>
      clientIp(new Headers({ 'x-forwarded-for': forwardedFor }))
    expect(from('192.0.2.1')).toBe(from('192.0.2.2'))
    vi.stubEnv('TRUST_PROXY', '1')
    expect(from('10.9.9.9, 192.0.2.1')).toBe('192.0.2.1')
    expect(from('192.0.2.2')).toBe('192.0.2.2')
    vi.stubEnv('TRUST_PROXY', '2')
    expect(from('10.9.9.9, 192.0.2.1, 172.16.0.1')).toBe('192.0.2.1')
  })
})

describe('session', () => {
  it('answers 401 without a token and no-store with one', async () => {
    const anonymous = await session(apiRequest('GET', '/api/auth/session'))
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')

    const user = await signUp()
    const response = await session(
      apiRequest('GET', '/api/auth/session', { cookies: { [AUTH_COOKIE]: user.token } }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('draws tokens of 256 random bits, URL-safe', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken()))
    expect(tokens.size).toBe(1000)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    }
  })

  it('ignores tokens in the URL', async () => {
    const user = await signUp()
    const response = await session(
      apiRequest('GET', `/api/auth/session?token=${user.token}&access_token=${user.token}`),
    )
    expect(response.status).toBe(401)
  })

[% if app.auth.strategy == "jwt" %]
  it('stores refresh tokens only as SHA-256 hashes', async () => {
    const user = await signUp()
    const rows = await storedSessions(user.id)
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(user.refreshToken)
    expect(rows[0]?.refreshTokenHash).toBe(
      createHash('sha256').update(user.refreshToken).digest('hex'),
    )
  })

  it('refuses tokens of another issuer, audience or algorithm, or without expiry', async () => {
    const user = await signUp()
    const claims = claimsOf(user.token)
    const key = new TextEncoder().encode(process.env.AUTH_SECRET)
    const variants = [
      { ...claims, iss: 'someone-else' },
      { ...claims, aud: 'another-app' },
      { ...claims, exp: undefined },
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
    ]
    for (const variant of variants) {
      const token = await new SignJWT(variant).setProtectedHeader({ alg: 'HS256' }).sign(key)
      expect(await sessionStatus(token)).toBe(401)
    }
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(key)
    expect(await sessionStatus(hs512)).toBe(401)
    const sameClaims = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key)
    expect(await sessionStatus(sameClaims)).toBe(200)
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
    const [header, , signature] = user.token.split('.')
    const claims = claimsOf(user.token)
    const payload = JSON.stringify({ ...claims, role: '[[ app.auth.roles | last ]]' })
    const forged = Buffer.from(payload).toString('base64url')
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

  it('refuses a token not yet valid, keys named in its header, and the refresh token', async () => {
    const user = await signUp()
    const claims = claimsOf(user.token)
    const key = new TextEncoder().encode(process.env.AUTH_SECRET)
    const notYet = await new SignJWT({ ...claims, nbf: Math.floor(Date.now() / 1000) + 3600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key)
    expect(await sessionStatus(notYet)).toBe(401)
    // A key the token points to (jku, jwk, kid) is never fetched or trusted.
    const attackerKey = new TextEncoder().encode('the-attacker-s-own-key-of-32-characters!')
    const header = { alg: 'HS256', jku: 'https://evil.example/keys.json', kid: '../../etc/passwd' }
    const pointing = await new SignJWT(claims).setProtectedHeader(header).sign(attackerKey)
    expect(await sessionStatus(pointing)).toBe(401)
    expect(await sessionStatus(user.refreshToken)).toBe(401)
  })

  it('answers 401, never 500, for a malformed token', async () => {
    const malformed = ['a.b.c', '...', 'not-a-jwt', 'x'.repeat(10_000), `${'e'.repeat(40)}.e.e`]
    for (const token of malformed) {
      expect(await sessionStatus(token), token.slice(0, 20)).toBe(401)
    }
  })

  it('refuses, in production, a signing secret that is missing, short or published', () => {
    vi.stubEnv('NODE_ENV', 'production')
    for (const secret of ['', 'too-short', 'dev-only-secret-do-not-use-in-production-0000']) {
      vi.stubEnv('AUTH_SECRET', secret)
      expect(() => assertAuthSecret(), secret).toThrow(ConfigurationError)
    }
    vi.stubEnv('AUTH_SECRET', 'a-secret-of-forty-random-characters-0000')
    expect(() => assertAuthSecret()).not.toThrow()
  })
[% else %]
  it('stores session tokens only as SHA-256 hashes', async () => {
    const user = await signUp()
    const rows = await storedSessions(user.id)
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(user.token)
    expect(rows[0]?.tokenHash).toBe(createHash('sha256').update(user.token).digest('hex'))
    // What a database leak reveals does not sign anyone in.
    expect(await sessionStatus(rows[0]?.tokenHash ?? '')).toBe(401)
  })

  it('refuses a tampered, unknown or malformed token', async () => {
    const user = await signUp()
    const last = user.token.at(-1) === 'A' ? 'B' : 'A'
    const tampered = `${user.token.slice(0, -1)}${last}`
    for (const token of [tampered, 'a.b.c', 'x'.repeat(10_000), generateToken()]) {
      expect(await sessionStatus(token)).toBe(401)
    }
    expect(await sessionStatus(user.token)).toBe(200)
  })

  it('ends a session after 7 idle days, and 30 days after sign-in however used', async () => {
    const idle = await signUp()
    await updateSessions(idle.id, { expiresAt: new Date(Date.now() - 1000) })
    expect(await sessionStatus(idle.token)).toBe(401)

    const old = await signUp()
    await updateSessions(old.id, {
      createdAt: new Date(Date.now() - (SESSION_ABSOLUTE_TIMEOUT_SECONDS + 60) * 1000),
    })
    expect(await sessionStatus(old.token)).toBe(401)
  })

  it('moves the idle deadline forward on use, writing at most once an hour', async () => {
    const user = await signUp()
    const deadline = async () => (await storedSessions(user.id))[0]?.expiresAt
    const fresh = await deadline()
    expect(await sessionStatus(user.token)).toBe(200)
    expect(await deadline()).toEqual(fresh)

    const twoHoursUsed = new Date(Date.now() + (SESSION_IDLE_TIMEOUT_SECONDS - 7200) * 1000)
    await updateSessions(user.id, { expiresAt: twoHoursUsed })
    expect(await sessionStatus(user.token)).toBe(200)
    const renewed = await deadline()
    expect(renewed?.getTime()).toBeGreaterThan(twoHoursUsed.getTime() + 3600 * 1000)
  })
[% endif %]
})

[% if app.auth.strategy == "jwt" %]
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

  it('ends with the session, 30 days after sign-in', async () => {
    const user = await signUp()
    await updateSessions(user.id, { expiresAt: new Date(Date.now() - 1000) })
    expect(await sessionStatus(user.token)).toBe(401)
    const refreshed = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: user.refreshToken },
        headers: { origin: ORIGIN },
      }),
    )
    expect(refreshed.status).toBe(401)
  })

  it('answers 401 without a refresh token', async () => {
    const response = await refresh(apiRequest('POST', '/api/auth/refresh'))
    expect(response.status).toBe(401)
  })
})

[% endif %]
describe('logout', () => {
  it('revokes the session: the old access token is 401 afterwards', async () => {
    const user = await signUp()
    const response = await logout(apiRequest('POST', '/api/auth/logout', { token: user.token }))
    expect(response.status).toBe(204)
    const cookies = setCookies(response)
[% if app.auth.strategy == "jwt" %]
    expect(cookies.access_token).toMatch(/Max-Age=0/)
    expect(cookies.refresh_token).toMatch(/Max-Age=0/)
[% else %]
    expect(cookies.session).toMatch(/Max-Age=0/)
[% endif %]

    const me = await session(apiRequest('GET', '/api/auth/session', { token: user.token }))
    expect(me.status).toBe(401)
[% if app.auth.strategy == "jwt" %]
    const refreshed = await refresh(
      apiRequest('POST', '/api/auth/refresh', {
        cookies: { refresh_token: user.refreshToken },
        headers: { origin: ORIGIN },
      }),
    )
    expect(refreshed.status).toBe(401)
[% endif %]
  })

  it('answers 204 without a session', async () => {
    const response = await logout(apiRequest('POST', '/api/auth/logout'))
    expect(response.status).toBe(204)
  })
})

describe('roles', () => {
  it('gives a user a role and ends their sessions', async () => {
    const user = await signUp()
    const updated = await setUserRole({ email: user.email, role: '[[ app.auth.roles | last ]]' })
    expect(updated.role).toBe('[[ app.auth.roles | last ]]')
    expect(await sessionStatus(user.token)).toBe(401)
    const again = await loginResponse(user.email)
    const { token } = (await again.json()) as { token: string }
    const me = await session(apiRequest('GET', '/api/auth/session', { token }))
    expect(await me.json()).toMatchObject({ role: '[[ app.auth.roles | last ]]' })
  })

  it('names an unknown email', async () => {
    const unknown = setUserRole({ email: 'nobody@example.com', role: '[[ app.auth.default_role ]]' })
    await expect(unknown).rejects.toThrow(NotFoundError)
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
    const cookies = { [AUTH_COOKIE]: user.token }

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
    // The Origin must be the app's exactly: not null, not a look-alike.
    for (const origin of ['null', 'http://localhost.evil.example', 'http://evil.example']) {
      const lookAlike = await logout(
        apiRequest('POST', '/api/auth/logout', { cookies, headers: { origin } }),
      )
      expect(lookAlike.status).toBe(403)
    }
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

  it('accepts exactly APP_ORIGIN as the Origin once it is set', async () => {
    vi.stubEnv('APP_ORIGIN', 'https://app.example')
    const user = await signUp()
    const cookies = { [AUTH_COOKIE]: user.token }
    for (const origin of [ORIGIN, 'https://app.example.evil.example', 'http://app.example']) {
      const refused = await logout(
        apiRequest('POST', '/api/auth/logout', { cookies, headers: { origin } }),
      )
      expect(refused.status, origin).toBe(403)
    }
    const configured = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies,
        headers: { origin: 'https://app.example' },
      }),
    )
    expect(configured.status).toBe(204)
  })

  it('accepts an Origin that names the host the request was sent to', async () => {
    // Without APP_ORIGIN (in development), the Host header names the app.
    const user = await signUp()
    const response = await logout(
      apiRequest('POST', '/api/auth/logout', {
        cookies: { [AUTH_COOKIE]: user.token },
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
