import { NextRequest } from 'next/server'

export * from './database'
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
