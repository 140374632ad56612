import { beforeEach, describe, expect, it } from 'vitest'
import { loginAction } from '@/app/(auth)/login/actions'
import { registerAction } from '@/app/(auth)/register/actions'
import { changePasswordAction, logoutAction } from '@/app/dashboard/actions'
import { ForbiddenError } from '@/lib/errors'
import { [[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]] } from '@/lib/utils/auth'
import { authenticateToken } from '@/services/auth.service'
import { PASSWORD, resetDatabase, signUp, storedUsers, uniqueEmail } from './helpers'
import { request } from './request'

const AUTH_COOKIE = [[ "ACCESS_TOKEN_COOKIE" if app.auth.strategy == "jwt" else "SESSION_COOKIE" ]]

[[ <tests.form_of_fields /> ]]

beforeEach(async () => {
  await resetDatabase()
  request.headers = new Headers({ host: 'localhost:3000' })
  request.cookies.clear()
})

describe('server actions refuse cross-site calls', () => {
  const crossSite: Record<string, Record<string, string>> = {
    'no Origin': {},
    'Origin: null': { origin: 'null' },
    'another Origin': { origin: 'https://evil.example' },
    'Sec-Fetch-Site: cross-site': {
      'sec-fetch-site': 'cross-site',
      origin: 'http://localhost:3000',
    },
  }

  for (const [what, headers] of Object.entries(crossSite)) {
    it(`login, with ${what}`, async () => {
      const user = await signUp()
      request.headers = new Headers({ host: 'localhost:3000', ...headers })
      const state = await loginAction({}, form({ email: user.email, password: PASSWORD }))
      expect(state?.message).toMatch(/Cross-site/)
      expect(request.cookies.size).toBe(0)
    })
  }

  it('register', async () => {
    const email = uniqueEmail()
    request.headers = new Headers({ host: 'localhost:3000', origin: 'https://evil.example' })
    const state = await registerAction({}, form({ email, password: PASSWORD }))
    expect(state?.message).toMatch(/Cross-site/)
    expect(await storedUsers(email)).toHaveLength(0)
  })

  it('password change', async () => {
    const user = await signUp()
    request.cookies.set(AUTH_COOKIE, user.token)
    request.headers = new Headers({ host: 'localhost:3000', origin: 'https://evil.example' })
    const fields = { currentPassword: PASSWORD, newPassword: 'another long passphrase' }
    const state = await changePasswordAction(undefined, form(fields))
    expect(state?.message).toMatch(/Cross-site/)
  })

  it('logout', async () => {
    const user = await signUp()
    request.cookies.set(AUTH_COOKIE, user.token)
    request.headers = new Headers({ host: 'localhost:3000', origin: 'https://evil.example' })
    await expect(logoutAction()).rejects.toThrow(ForbiddenError)
    expect(await authenticateToken(user.token)).not.toBeNull()
  })
})

describe('server actions from the app itself', () => {
  it('log in, setting the cookie, and log out, ending the session', async () => {
    const user = await signUp()
    request.headers = new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' })
    const login = loginAction({}, form({ email: user.email, password: PASSWORD }))
    await expect(login).rejects.toThrow('redirect to /dashboard')
    const token = request.cookies.get(AUTH_COOKIE)
    expect(token).toBeDefined()
    expect(await authenticateToken(token ?? null)).not.toBeNull()

    request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' })
    await expect(logoutAction()).rejects.toThrow('redirect to /login')
    expect(await authenticateToken(token ?? null)).toBeNull()
    expect(request.cookies.has(AUTH_COOKIE)).toBe(false)
  })

  it('change the password from the dashboard: the current one is required', async () => {
    const user = await signUp()
    request.cookies.set(AUTH_COOKIE, user.token)
    request.headers = new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' })
    const newPassword = 'another long passphrase'
    const wrong = await changePasswordAction(
      undefined,
      form({ currentPassword: 'not the password at all', newPassword }),
    )
    expect(wrong?.message).toMatch(/not correct/)
    const short = await changePasswordAction(
      undefined,
      form({ currentPassword: PASSWORD, newPassword: 'short' }),
    )
    expect(short?.errors?.newPassword).toBeDefined()
    const changed = await changePasswordAction(
      undefined,
      form({ currentPassword: PASSWORD, newPassword }),
    )
    expect(changed).toEqual({ changed: true })
  })
})
