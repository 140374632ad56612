import { createHash } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { POST as login } from '@/app/api/auth/login/route'
import { GET as callback } from '@/app/api/auth/oauth/[provider]/callback/route'
import { GET as start } from '@/app/api/auth/oauth/[provider]/route'
import { POST as changePasswordRoute } from '@/app/api/auth/password/route'
import { GET as session } from '@/app/api/auth/session/route'
import { decodeOAuthState } from '@/lib/oauth'
[% if app.auth.github %]
import { githubProfileOf } from '@/lib/oauth/github'
[% endif %]
import { PASSWORD, apiRequest, cookieValue, resetDatabase, setCookies, signUp, storedAccounts, storedUsers, uniqueEmail } from './helpers'
import { FakeProvider, type ProviderPerson } from './oauth-provider'

const APP_ORIGIN = 'http://localhost'
const STATE_COOKIE = 'oauth_state'

const AUTH_COOKIE = '[[ "access_token" if app.auth.strategy == "jwt" else "session" ]]'

const providers = [
[% for provider in app.auth.providers %]
  { id: '[[ provider.id ]]', openid: [[ provider.openid ]] },
[% endfor %]
] as const

const fake = new FakeProvider()

beforeAll(async () => {
  await fake.start()
})

afterAll(async () => {
  await fake.stop()
})

beforeEach(async () => {
  await resetDatabase()
  vi.stubEnv('APP_ORIGIN', APP_ORIGIN)
  for (const [name, value] of Object.entries(fake.env())) {
    vi.stubEnv(name, value)
  }
  for (const prefix of [ [% for provider in app.auth.providers %][[ provider.env | quoted ]], [% endfor %]]) {
    vi.stubEnv(`${prefix}_CLIENT_ID`, `${prefix.toLowerCase()}-client`)
    vi.stubEnv(`${prefix}_CLIENT_SECRET`, `${prefix.toLowerCase()}-secret`)
  }
  fake.extraClaims = {}
  // A failed sign-in is logged for the operator; keep the test output quiet.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.restoreAllMocks()
})

async function userCount(): Promise<number> {
  return (await storedUsers()).length
}

describe.each(providers)('sign-in with $id', ({ id, openid }) => {
  const params = { params: Promise.resolve({ provider: id }) }

  /** Starts a sign-in: the provider's URL, and the state cookie. */
  async function begin(): Promise<{ location: URL; stateCookie: string }> {
    const response = await start(apiRequest('GET', `/api/auth/oauth/${id}`), params)
    expect(response.status).toBe(307)
    const location = new URL(response.headers.get('location') ?? '')
    return { location, stateCookie: cookieValue(setCookies(response)[STATE_COOKIE] ?? '') }
  }

  /** Where the provider sends the browser back to, once the person signed in there. */
  async function authorize(location: URL): Promise<URL> {
    const response = await fetch(location, { redirect: 'manual' })
    return new URL(response.headers.get('location') ?? '')
  }

  async function finish(returned: URL, stateCookie?: string): Promise<Response> {
    return callback(
      apiRequest('GET', `${returned.pathname}${returned.search}`, {
        cookies: stateCookie ? { [STATE_COOKIE]: stateCookie } : undefined,
      }),
      params,
    )
  }

  async function signInAs(person: ProviderPerson): Promise<Response> {
    fake.person = person
    const { location, stateCookie } = await begin()
    return finish(await authorize(location), stateCookie)
  }

  it('sends the browser to the provider with a state and an S256 PKCE challenge', async () => {
    const response = await start(apiRequest('GET', `/api/auth/oauth/${id}`), params)
    expect(response.status).toBe(307)
    const location = new URL(response.headers.get('location') ?? '')
    expect(location.origin).toBe(fake.url)
    expect(location.searchParams.get('response_type')).toBe('code')
    expect(location.searchParams.get('client_id')).toBe(`${id}-client`)
    expect(location.searchParams.get('redirect_uri')).toBe(
      `${APP_ORIGIN}/api/auth/oauth/${id}/callback`,
    )
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')

    const cookie = setCookies(response)[STATE_COOKIE] ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=lax/i)
    expect(cookie).toMatch(/Max-Age=600/)
    const state = decodeOAuthState(cookieValue(cookie))
    expect(state?.state).toMatch(/^[\w-]{43}$/)
    expect(location.searchParams.get('state')).toBe(state?.state)
    expect(location.searchParams.get('code_challenge')).toBe(
      createHash('sha256')
        .update(state?.codeVerifier ?? '')
        .digest('base64url'),
    )
    expect(location.searchParams.get('nonce')).toBe(openid ? state?.nonce : null)
  })

  it('signs a new user in, without a password, keyed by the provider’s id for them', async () => {
    const email = uniqueEmail()
    const response = await signInAs({ sub: '1001', email, email_verified: true })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard')
    const cookies = setCookies(response)
    expect(cookies[STATE_COOKIE]).toMatch(/Max-Age=0/)
    const token = cookieValue(cookies[AUTH_COOKIE] ?? '')
    const me = await session(apiRequest('GET', '/api/auth/session', { token }))
    expect(await me.json()).toMatchObject({ email })

    const [user] = await storedUsers(email)
    expect(user?.passwordHash).toBeNull()
    expect(await storedAccounts()).toMatchObject([
      { userId: user?.id, provider: id, providerUserId: '1001' },
    ])

    // The provider's id names the account: a new email at the provider is still the same user.
    const again = await signInAs({ sub: '1001', email: uniqueEmail(), email_verified: true })
    expect(again.headers.get('location')).toBe('/dashboard')
    expect(await userCount()).toBe(1)
  })

  it('refuses a callback without the state cookie, or with another state or none', async () => {
    fake.person = { sub: '1002', email: uniqueEmail(), email_verified: true }
    const { location, stateCookie } = await begin()
    const returned = await authorize(location)
    const otherState = new URL(returned)
    otherState.searchParams.set('state', 'another-state')
    const noState = new URL(returned)
    noState.searchParams.delete('state')

    for (const response of [
      await finish(returned),
      await finish(otherState, stateCookie),
      await finish(noState, stateCookie),
    ]) {
      expect(response.headers.get('location')).toBe('/login?error=invalid_state')
      expect(setCookies(response)[AUTH_COOKIE]).toBeUndefined()
    }
    expect(await userCount()).toBe(0)
  })

  it('refuses a code redeemed without its PKCE verifier', async () => {
    fake.person = { sub: '1003', email: uniqueEmail(), email_verified: true }
    const { location, stateCookie } = await begin()
    const state = decodeOAuthState(stateCookie)
    const otherVerifier = Buffer.from(
      JSON.stringify({ ...state, codeVerifier: 'x'.repeat(43) }),
    ).toString('base64url')
    const response = await finish(await authorize(location), otherVerifier)
    expect(response.headers.get('location')).toBe('/login?error=provider_error')
    expect(await userCount()).toBe(0)
  })

  it.runIf(openid)('refuses an ID token issued for another nonce', async () => {
    fake.extraClaims = { nonce: 'the-nonce-of-another-sign-in' }
    const response = await signInAs({ sub: '1004', email: uniqueEmail(), email_verified: true })
    expect(response.headers.get('location')).toBe('/login?error=provider_error')
    expect(await userCount()).toBe(0)
  })

  it('never links an existing account, whether the provider verified the email or not', async () => {
    const existing = await signUp()
    const unverified = await signInAs({ sub: '1005', email: existing.email })
    expect(unverified.headers.get('location')).toMatch(/error=email_unverified$/)
    const verified = await signInAs({ sub: '1005', email: existing.email, email_verified: true })
    expect(verified.headers.get('location')).toMatch(/error=email_in_use$/)
    for (const response of [unverified, verified]) {
      expect(setCookies(response)[AUTH_COOKIE]).toBeUndefined()
    }
    expect(await storedAccounts()).toEqual([])
    const withPassword = await login(
      apiRequest('POST', '/api/auth/login', {
        body: { email: existing.email, password: PASSWORD },
      }),
    )
    expect(withPassword.status).toBe(200)
  })

  it('needs an email the provider verified to create an account', async () => {
    const unverified = await signInAs({ sub: '1006', email: uniqueEmail() })
    expect(unverified.headers.get('location')).toMatch(/error=email_unverified$/)
    const noEmail = await signInAs({ sub: '1007' })
    expect(noEmail.headers.get('location')).toMatch(/error=email_unverified$/)
    expect(await userCount()).toBe(0)
  })
})

describe('provider-only accounts', () => {
  async function providerUser(): Promise<{ email: string; token: string }> {
    const email = uniqueEmail()
    fake.person = { sub: '2001', email, email_verified: true }
    const params = { params: Promise.resolve({ provider: providers[0].id }) }
    const started = await start(apiRequest('GET', `/api/auth/oauth/${providers[0].id}`), params)
    const stateCookie = cookieValue(setCookies(started)[STATE_COOKIE] ?? '')
    const location = new URL(started.headers.get('location') ?? '')
    const returned = new URL(
      (await fetch(location, { redirect: 'manual' })).headers.get('location') ?? '',
    )
    const response = await callback(
      apiRequest('GET', `${returned.pathname}${returned.search}`, {
        cookies: { [STATE_COOKIE]: stateCookie },
      }),
      params,
    )
    return { email, token: cookieValue(setCookies(response)[AUTH_COOKIE] ?? '') }
  }

  it('get the same answer to a password login as a wrong password', async () => {
    const { email } = await providerUser()
    const withoutPassword = await login(
      apiRequest('POST', '/api/auth/login', { body: { email, password: PASSWORD } }),
    )
    const unknown = await login(
      apiRequest('POST', '/api/auth/login', {
        body: { email: uniqueEmail(), password: PASSWORD },
      }),
    )
    expect(withoutPassword.status).toBe(401)
    expect(await withoutPassword.json()).toEqual(await unknown.json())
  })

  it('have no password to change (403)', async () => {
    const { token } = await providerUser()
    const response = await changePasswordRoute(
      apiRequest('POST', '/api/auth/password', {
        token,
        body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' },
      }),
    )
    expect(response.status).toBe(403)
  })
})

describe('providers that are not configured', () => {
  it('answer 404', async () => {
[% set first = app.auth.providers | first %]
    vi.stubEnv('[[ first.env ]]_CLIENT_ID', '')
    for (const name of ['[[ first.id ]]', 'twitter']) {
      const params = { params: Promise.resolve({ provider: name }) }
      const response = await start(apiRequest('GET', `/api/auth/oauth/${name}`), params)
      expect(response.status).toBe(404)
    }
  })
})
[% if app.auth.github %]

describe('GitHub profiles', () => {
  it('take the numeric id, and the primary email only as far as GitHub verified it', () => {
    const emails = [
      { email: 'old@example.com', primary: false, verified: true },
      { email: 'Main@Example.com', primary: true, verified: true },
    ]
    expect(githubProfileOf({ id: 42 }, emails)).toEqual({
      providerUserId: '42',
      email: 'main@example.com',
      emailVerified: true,
    })
    const unverified = [{ email: 'main@example.com', primary: true, verified: false }]
    expect(githubProfileOf({ id: 42 }, unverified).emailVerified).toBe(false)
    expect(githubProfileOf({ id: 42 }, []).email).toBeNull()
  })
})
[% endif %]
