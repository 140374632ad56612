'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import * as z from 'zod'
import { currentCaller } from '@/app/session'
import { ForbiddenError, RateLimitError, UnauthorizedError } from '@/lib/errors'
import { clientIp, isSameOriginRequest } from '@/lib/http'
[% if app.auth.strategy == "jwt" %]
import { ACCESS_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE } from '@/lib/utils/auth'
import { changePasswordSchema } from '@/schemas/auth.schema'
import { authenticateToken, changePassword, logoutUser } from '@/services/auth.service'
import type { PasswordFormState } from '@/types'

export async function logoutAction(): Promise<void> {
  if (!isSameOriginRequest(await headers())) {
    throw new ForbiddenError('Cross-site requests are not allowed.')
  }
  const cookieStore = await cookies()
  const caller = await authenticateToken(cookieStore.get(ACCESS_TOKEN_COOKIE)?.value ?? null)
  await logoutUser(caller, cookieStore.get(REFRESH_TOKEN_COOKIE)?.value ?? null)
  cookieStore.delete(ACCESS_TOKEN_COOKIE)
  cookieStore.delete(REFRESH_TOKEN_COOKIE)
  redirect('/login')
}
[% else %]
import { SESSION_COOKIE } from '@/lib/utils/auth'
import { changePasswordSchema } from '@/schemas/auth.schema'
import { authenticateToken, changePassword, logoutUser } from '@/services/auth.service'
import type { PasswordFormState } from '@/types'

export async function logoutAction(): Promise<void> {
  if (!isSameOriginRequest(await headers())) {
    throw new ForbiddenError('Cross-site requests are not allowed.')
  }
  const cookieStore = await cookies()
  await logoutUser(await authenticateToken(cookieStore.get(SESSION_COOKIE)?.value ?? null))
  cookieStore.delete(SESSION_COOKIE)
  redirect('/login')
}
[% endif %]

/** Changes the signed-in user's password from the dashboard; their other sessions end. */
export async function changePasswordAction(
  _state: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const requestHeaders = await headers()
  if (!isSameOriginRequest(requestHeaders)) {
    return { message: 'Cross-site requests are not allowed.' }
  }
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get('currentPassword'),
    newPassword: formData.get('newPassword'),
  })
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors }
  }
  try {
    await changePassword(await currentCaller(), parsed.data, { ip: clientIp(requestHeaders) })
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      redirect('/login')
    }
    if (error instanceof ForbiddenError || error instanceof RateLimitError) {
      return { message: error.message }
    }
    throw error
  }
  return { changed: true }
}
