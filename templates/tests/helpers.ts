import { NextRequest } from 'next/server'
[% if app.auth.enabled %]
import { insertUser } from '@/dal'
import { hashPassword } from '@/lib/utils/hash'
import { setUserRole, signIn } from '@/services/auth.service'
import type { Role } from '@/types'
[% endif %]

export * from './database'
[% if app.auth.enabled %]

export const PASSWORD = 'correct horse battery staple'

export type TestUser = {
  id: string
  email: string
  token: string
[% if app.auth.strategy == "jwt" %]
  refreshToken: string
[% endif %]
}

let emailCounter = 0

export function uniqueEmail(): string {
  emailCounter += 1
  return `user${emailCounter}-${Date.now()}@example.com`
}

// PASSWORD hashed once per test worker: argon2 is slow on purpose, and the tests that register
// or sign in through the API are the ones that check it.
let passwordHash: Promise<string> | undefined

/**
 * A user who can sign in with PASSWORD, optionally with another role, and a session of theirs:
 * stored directly, as registering and signing in would leave them.
 */
export async function signUp(role: Role = '[[ app.auth.default_role ]]', email: string = uniqueEmail()): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD)
  const user = await insertUser({ email, passwordHash: await passwordHash })
  if (role !== '[[ app.auth.default_role ]]') {
    await setUserRole({ email, role })
  }
  const tokens = await signIn({ id: user.id, role }, { ip: 'test' })
  return {
    id: user.id,
    email,
[% if app.auth.strategy == "jwt" %]
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
[% else %]
    token: tokens.sessionToken,
[% endif %]
  }
}

[% endif %]
export type RequestOptions = {
  body?: unknown
  rawBody?: string
  token?: string
  cookies?: Record<string, string>
  headers?: Record<string, string>
}

export function apiRequest(
  method: string,
  path: string,
  options: RequestOptions = {},
): NextRequest {
  const headers = new Headers(options.headers)
  if (options.token) {
    headers.set('authorization', `Bearer ${options.token}`)
  }
  if (options.cookies) {
    const cookie = Object.entries(options.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
    headers.set('cookie', cookie)
  }
  let body: string | undefined
  if (options.rawBody !== undefined) {
    body = options.rawBody
    headers.set('content-type', 'application/json')
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('content-type', 'application/json')
  }
  return new NextRequest(new URL(path, 'http://localhost'), { method, headers, body })
}

/** The second argument of a dynamic route handler. */
export function routeParams(id: string): { params: Promise<{ id: string }> } {
  return { params: Promise.resolve({ id }) }
}

export type ProblemBody = {
  type: string
  title: string
  status: number
  detail: string
  issues?: { path: PropertyKey[]; message: string; code?: string }[]
}

export async function readProblem(response: Response): Promise<ProblemBody> {
  return (await response.json()) as ProblemBody
}

/** Set-Cookie headers by cookie name. */
export function setCookies(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {}
  for (const header of response.headers.getSetCookie()) {
    const name = header.slice(0, header.indexOf('='))
    cookies[name] = header
  }
  return cookies
}

/** The value of one Set-Cookie header. */
export function cookieValue(header: string): string {
  return header.slice(header.indexOf('=') + 1, header.indexOf(';'))
}

export const MISSING_ID = '00000000-0000-4000-8000-000000000000'

/** The entries of `source` under `keys`, for comparing a response with the body that made it. */
export function pick(
  source: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]))
}
[% if app.api != "routes" %]

/** A body as the browser submits it through the resource's form. */
export function formOf(body: Record<string, unknown>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(body)) {
    if (value === true) {
      form.set(name, 'on')
    } else if (value === null) {
      form.set(name, '')
    } else if (Array.isArray(value)) {
      form.set(name, value.join('\n'))
    } else if (typeof value === 'object') {
      form.set(name, JSON.stringify(value))
    } else if (value !== false && value !== undefined) {
      form.set(name, String(value))
    }
  }
  return form
}
[% endif %]
