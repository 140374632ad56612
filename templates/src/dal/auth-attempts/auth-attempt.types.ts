/** What an attempt was: a failed login, or a registration. */
export type AuthAction = 'login' | 'register'

/** Whose attempts to count: one account (email) or one client address. */
export type AttemptKey = { email: string } | { ip: string }

export type AttemptCount = {
  count: number
  oldestAt: Date | null
}

export type NewAuthAttempt = {
  action: AuthAction
  email: string | null
  ip: string
}
