[% set n = resource.names %]
import { NextResponse, type NextRequest } from 'next/server'
[% if app.auth.enabled %]
import { errorResponse, parseJson, parseQuery, readAccessToken } from '@/lib/http'
[% else %]
import { errorResponse, parseJson, parseQuery } from '@/lib/http'
[% endif %]
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", n.camel ~ "ListQuerySchema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if app.auth.enabled %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[[ wrap(open="import {", items=["create" ~ n.pascal, "list" ~ n.plural_pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]

export async function GET(request: NextRequest): Promise<Response> {
  try {
[% if app.auth.enabled %]
    const actor = await authenticateToken(readAccessToken(request))
    const query = parseQuery(request, [[ n.camel ]]ListQuerySchema)
    const page = await list[[ n.plural_pascal ]](actor, query)
[% else %]
    const query = parseQuery(request, [[ n.camel ]]ListQuerySchema)
    const page = await list[[ n.plural_pascal ]](query)
[% endif %]
    return NextResponse.json(page)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
[% if app.auth.enabled %]
    const actor = await authenticateToken(readAccessToken(request))
    const input = create[[ n.pascal ]]Schema.parse(await parseJson(request))
    const [[ n.camel ]] = await create[[ n.pascal ]](actor, input)
[% else %]
    const input = create[[ n.pascal ]]Schema.parse(await parseJson(request))
    const [[ n.camel ]] = await create[[ n.pascal ]](input)
[% endif %]
    return NextResponse.json([[ n.camel ]], {
      status: 201,
      headers: { Location: `/api/[[ n.plural_kebab ]]/${[[ n.camel ]].id}` },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
