[% if app.auth.enabled %]
export * from './user'
export * from './session'
export * from './auth-attempt'
[% endif %]
[% for resource in app.resources %]
export * from './[[ resource.names.kebab ]]'
[% endfor %]
