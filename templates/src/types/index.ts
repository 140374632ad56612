[% if app.auth.enabled %]
export type Role = [[ app.auth.roles | quoted | join(sep=" | ") ]]

/** The signed-in user a request acts for, resolved from a verified access token. */
export type Caller = {
  userId: string
  role: Role
  sessionId: string
}

/** Who may perform an action: anyone, any signed-in user, the row's owner, or a role. */
export type AccessLevel = 'public' | 'user' | 'owner' | Role

export type AccessRule = readonly AccessLevel[]

export type ResourceAccess = {
  list: AccessRule
  read: AccessRule
  create: AccessRule
  update: AccessRule
  delete: AccessRule
}

[% endif %]
/** One page of a keyset-paginated list. */
export type Paginated<T> = {
  data: T[]
  nextCursor: string | null
}
[% if app.auth.enabled %]

/** The state returned by the login and register server actions. */
export type AuthFormState =
  | {
      errors?: {
        email?: string[]
        password?: string[]
      }
      message?: string
      /** The email typed, kept after a refused submission (a password never is). */
      values?: { email?: string }
    }
  | undefined

/** The state returned by the password form's server action: why it was refused, or success. */
export type PasswordFormState =
  | {
      errors?: {
        currentPassword?: string[]
        newPassword?: string[]
      }
      message?: string
      changed?: boolean
    }
  | undefined
[% endif %]
[% if app.api != "routes" %]

/** What a resource form's server action answers when it did not save: why, and what was typed. */
export type FormState =
  | {
      errors?: Record<string, string[] | undefined>
      message?: string
      values?: Record<string, string>
    }
  | undefined

/** A resource form's starting values: text for each field, true or false for checkboxes. */
export type FormValues = Record<string, string | boolean>

/** The rows a `ref` field's select offers, and whether there are more than it shows. */
export type Choices = {
  options: { value: string; label: string }[]
  more: boolean
}
[% endif %]
