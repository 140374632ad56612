import type { Role } from '@/types'

/** A user as the app may show it: never the password hash. */
export type User = {
  id: string
  email: string
  role: Role
  createdAt: Date
  updatedAt: Date
}

export type UserCredentials = {
  id: string
  email: string
  role: Role
[% if app.auth.providers %]
  /** Null for a user who signs in only through a provider. */
  passwordHash: string | null
[% else %]
  passwordHash: string
[% endif %]
}

export type NewUser = {
  email: string
  passwordHash: string
}
