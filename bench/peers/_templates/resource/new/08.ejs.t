---
to: out/tests/factories/<%= name %>.ts
---
// <%= name %>: written by hygen for strata's benchmark (the files strata writes per resource).
export const <%= name %>Table = '<%= name %>s'
export function find<%= h.capitalize(name) %>(id: string): string {
  return id
}
