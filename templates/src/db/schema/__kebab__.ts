export const [[ resource.names.plural_camel ]] = '[[ resource.names.table ]]'
