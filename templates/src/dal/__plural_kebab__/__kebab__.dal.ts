export function find[[ resource.names.pascal ]]() {}
