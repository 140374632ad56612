[% if app.auth.enabled %]
export * from './user'
export * from './session'
export * from './auth-attempt'
[% if app.auth.providers %]
export * from './account'
[% endif %]
[% endif %]
[% for resource in app.resources %]
export * from './[[ resource.names.kebab ]]'
[% endfor %]
[% if not app.auth.enabled and not app.resources %]
// No resources yet: `strata add resource` fills this in.
export {}
[% endif %]
