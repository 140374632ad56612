[# Blocks the test templates share: rendered where a template calls them, never on their own. #]
[# The callers a resource's tests sign in, and the status the access rules give each of them. #]
[% component tests.access_cases(n, t, auth: bool) %]
[% if auth %]
type CallerName = 'anonymous'[% for actor in t.actors %] | '[[ actor ]]'[% endfor %]

[% else %]
type CallerName = 'anonymous'

[% endif %]
type Case = { action: string; actor: CallerName; status: number; sees: boolean }

/** The access rules of `[[ n.snake ]]` in strata.toml, as the status each caller gets. */
const cases: Case[] = [
[% for case in t.cases %]
  { action: '[[ case.action ]]', actor: '[[ case.actor ]]', status: [[ case.status ]], sees: [[ case.sees ]] },
[% endfor %]
]
[%- endcomponent tests.access_cases %]
[# A user of each kind the cases name, signed up afresh before each test. #]
[% component tests.sign_up_callers(t) %]
users = {
[% for actor in t.actors %]
[% if actor == "owner" or actor == "other" %]
  [[ actor ]]: await signUp(),
[% else %]
  [[ actor ]]: await signUp('[[ actor ]]'),
[% endif %]
[% endfor %]
}
[%- endcomponent tests.sign_up_callers %]
[# The owner of the rows a request's body (or a form) points at. #]
[% component tests.referenced_owner(t, sent: string) %]
/** Who owns the rows a [[ sent ]] points at: the caller, who may read them (anonymous: anyone). */
function referencedOwner(actor: CallerName): string {
  return actor === 'anonymous' ? users.[[ t.row_owner ]].id : users[actor].id
}
[%- endcomponent tests.referenced_owner %]
[# FormData holding the fields given, as a browser submits a form. #]
[% component tests.form_of_fields() %]
function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    data.set(name, value)
  }
  return data
}
[%- endcomponent tests.form_of_fields %]
[# What a database that is away gives: its code, and a 503 with Retry-After as problem details. #]
[% component tests.expect_unavailable() %]
expect(databaseErrorCode(error)).toBe(code)
expect(isDatabaseUnavailable(error)).toBe(true)
const response = errorResponse(error)
expect(response.status).toBe(503)
expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
expect(response.headers.get('content-type')).toBe('application/problem+json')
expect((await response.json()).status).toBe(503)
[%- endcomponent tests.expect_unavailable %]
