export * from './health/health.dal'
[% if app.auth.enabled %]
export * from './users/user.dal'
export type * from './users/user.types'
export * from './sessions/session.dal'
export type * from './sessions/session.types'
export * from './auth-attempts/auth-attempt.dal'
export type * from './auth-attempts/auth-attempt.types'
[% if app.auth.providers %]
export * from './accounts/account.dal'
export type * from './accounts/account.types'
[% endif %]
[% endif %]
[% for resource in app.resources %]
export * from './[[ resource.names.plural_kebab ]]/[[ resource.names.kebab ]].dal'
export type * from './[[ resource.names.plural_kebab ]]/[[ resource.names.kebab ]].types'
[% endfor %]
