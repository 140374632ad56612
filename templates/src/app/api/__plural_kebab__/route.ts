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
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", n.camel ~ "ListQuerySchema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if guard_list or guard_create %]
import { authorize } from '@/services/access'
[% endif %]
[% if auth %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[% if guard_list or guard_create %]
[[ wrap(open="import {", items=["create" ~ n.pascal, "list" ~ n.plural_pascal, n.camel ~ "Access"], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
[% else %]
[[ wrap(open="import {", items=["create" ~ n.pascal, "list" ~ n.plural_pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]
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
    [[ assign(lhs="const input =", head="create" ~ n.pascal ~ "Schema.parse", args=["await parseJson(request)"], indent=4) ]]
    [[ assign(lhs="const created =", head="await create" ~ n.pascal, args=["caller" if auth else "", "input"], indent=4) ]]
    return NextResponse.json(created, {
      status: 201,
      [[ wrap(open="headers: {", items=["Location: `/api/" ~ n.plural_kebab ~ "/${created.id}`"], close="},", indent=6, padded=true) ]]
    })
  } catch (error) {
    return errorResponse(error)
  }
}
