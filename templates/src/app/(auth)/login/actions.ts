'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import * as z from 'zod'
import { RateLimitError, UnauthorizedError } from '@/lib/errors'
import { clientIp, isSameOriginRequest } from '@/lib/http'
[% if app.auth.strategy == "jwt" %]
import {
  ACCESS_TOKEN_COOKIE,
  REFRESH_TOKEN_COOKIE,
  accessTokenCookieOptions,
  refreshTokenCookieOptions,
} from '@/lib/utils/auth'
[% else %]
import { SESSION_COOKIE, sessionCookieOptions } from '@/lib/utils/auth'
[% endif %]
import { loginSchema } from '@/schemas/auth.schema'
import { loginUser } from '@/services/auth.service'
import type { AuthFormState } from '@/types'

export async function loginAction(
  _state: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const requestHeaders = await headers()
  if (!isSameOriginRequest(requestHeaders)) {
    return { message: 'Cross-site requests are not allowed.' }
  }
  const parsed = loginSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
  })
  const values = { email: String(formData.get('email') ?? '') }
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors, values }
  }
  try {
    const cookieStore = await cookies()
[% if app.auth.strategy == "jwt" %]
    const tokens = await loginUser(parsed.data, {
      ip: clientIp(requestHeaders),
      currentRefreshToken: cookieStore.get(REFRESH_TOKEN_COOKIE)?.value ?? null,
    })
    cookieStore.set(ACCESS_TOKEN_COOKIE, tokens.accessToken, accessTokenCookieOptions())
    cookieStore.set(REFRESH_TOKEN_COOKIE, tokens.refreshToken, refreshTokenCookieOptions())
[% else %]
    const tokens = await loginUser(parsed.data, {
      ip: clientIp(requestHeaders),
      currentSessionToken: cookieStore.get(SESSION_COOKIE)?.value ?? null,
    })
    cookieStore.set(SESSION_COOKIE, tokens.sessionToken, sessionCookieOptions())
[% endif %]
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof RateLimitError) {
      return { message: error.message, values }
    }
    throw error
  }
  redirect('/dashboard')
}
