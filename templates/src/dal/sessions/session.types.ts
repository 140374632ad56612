[% if app.auth.strategy == "jwt" %]
export type Session = {
  id: string
  userId: string
  expiresAt: Date
  revokedAt: Date | null
}

export type NewSession = {
  userId: string
  refreshTokenHash: string
  expiresAt: Date
}
[% else %]
import type { Role } from '@/types'

/** An active session, with the role its user has now. */
export type Session = {
  id: string
  userId: string
  role: Role
  expiresAt: Date
  createdAt: Date
}

export type NewSession = {
  userId: string
  tokenHash: string
  expiresAt: Date
}
[% endif %]
