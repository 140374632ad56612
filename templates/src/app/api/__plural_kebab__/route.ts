[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set caller = "caller, " %]
[% else %]
[% set caller = "" %]
[% endif %]
[# A rule that isn't public is checked before the input is read: strangers get 401, whatever they send. #]
[# The service checks again, and scopes rows to their owners. #]
[% set guard_list = auth and not resource.access.list.public %]
[% set guard_create = auth and not resource.access.create.public %]
import { NextResponse, type NextRequest } from 'next/server'
[% if auth %]
import { errorResponse, parseJson, parseQuery, readAccessToken } from '@/lib/http'
[% else %]
import { errorResponse, parseJson, parseQuery } from '@/lib/http'
[% endif %]
import { create[[ n.pascal ]]Schema, [[ n.camel ]]ListQuerySchema } from '@/schemas/[[ n.kebab ]].schema'
[% if guard_list or guard_create %]
import { authorize } from '@/services/access'
[% endif %]
[% if auth %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[% if guard_list or guard_create %]
import { create[[ n.pascal ]], list[[ n.plural_pascal ]], [[ n.camel ]]Access } from '@/services/[[ n.kebab ]].service'
[% else %]
import { create[[ n.pascal ]], list[[ n.plural_pascal ]] } from '@/services/[[ n.kebab ]].service'
[% endif %]

export async function GET(request: NextRequest): Promise<Response> {
  try {
[% if auth %]
    const caller = await authenticateToken(readAccessToken(request))
[% endif %]
[% if guard_list %]
    authorize(caller, [[ n.camel ]]Access.list)
[% endif %]
    const query = parseQuery(request, [[ n.camel ]]ListQuerySchema)
    const page = await list[[ n.plural_pascal ]]([[ caller ]]query)
    return NextResponse.json(page)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
[% if auth %]
    const caller = await authenticateToken(readAccessToken(request))
[% endif %]
[% if guard_create %]
    authorize(caller, [[ n.camel ]]Access.create)
[% endif %]
    const input = create[[ n.pascal ]]Schema.parse(await parseJson(request))
    const created = await create[[ n.pascal ]]([% if auth %]caller, [% endif %]input)
    return NextResponse.json(created, {
      status: 201,
      headers: { Location: `/api/[[ n.plural_kebab ]]/${created.id}` },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
