'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { ForbiddenError } from '@/lib/errors'
import { isSameOriginRequest } from '@/lib/http'
[% if app.auth.strategy == "jwt" %]
import { ACCESS_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE } from '@/lib/utils/auth'
import { authenticateToken, logoutUser } from '@/services/auth.service'

export async function logoutAction(): Promise<void> {
  if (!isSameOriginRequest(await headers())) {
    throw new ForbiddenError('Cross-site requests are not allowed.')
  }
  const cookieStore = await cookies()
  const actor = await authenticateToken(cookieStore.get(ACCESS_TOKEN_COOKIE)?.value ?? null)
  await logoutUser(actor, cookieStore.get(REFRESH_TOKEN_COOKIE)?.value ?? null)
  cookieStore.delete(ACCESS_TOKEN_COOKIE)
  cookieStore.delete(REFRESH_TOKEN_COOKIE)
  redirect('/login')
}
[% else %]
import { SESSION_COOKIE } from '@/lib/utils/auth'
import { authenticateToken, logoutUser } from '@/services/auth.service'

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
