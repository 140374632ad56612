[% for resource in app.resources %]
export * from './[[ resource.names.plural_kebab ]]/[[ resource.names.kebab ]].dal'
[% endfor %]
