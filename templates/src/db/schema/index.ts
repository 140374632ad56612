[% for resource in app.resources %]
export * from './[[ resource.names.kebab ]]'
[% endfor %]
