import 'server-only'
import { cookies } from 'next/headers'
[% if app.auth.strategy == "jwt" %]
import { ACCESS_TOKEN_COOKIE, REFRESH_TOKEN_COOKIE } from '@/lib/utils/auth'
import {
  authenticateRefreshToken,
  authenticateToken,
  getCurrentUser,
} from '@/services/auth.service'
[% else %]
import { SESSION_COOKIE } from '@/lib/utils/auth'
import { authenticateToken, getCurrentUser } from '@/services/auth.service'
[% endif %]
import type { Caller } from '@/types'

/** The signed-in user of a page or server action, from the session cookie; null for a visitor. */
export async function currentCaller(): Promise<Caller | null> {
  const cookieStore = await cookies()
[% if app.auth.strategy == "jwt" %]
  const caller = await authenticateToken(cookieStore.get(ACCESS_TOKEN_COOKIE)?.value ?? null)
  // Pages outlive the 15-minute access token: the session of the refresh token still counts.
  return caller ?? authenticateRefreshToken(cookieStore.get(REFRESH_TOKEN_COOKIE)?.value ?? null)
[% else %]
  return authenticateToken(cookieStore.get(SESSION_COOKIE)?.value ?? null)
[% endif %]
}

/** The signed-in user, for the header and the dashboard; null for a visitor. */
export async function currentUser() {
  const caller = await currentCaller()
  return caller ? getCurrentUser(caller) : null
}
