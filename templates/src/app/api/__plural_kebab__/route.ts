[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set actor = "actor, " %]
[% else %]
[% set actor = "" %]
[% endif %]
import { NextResponse, type NextRequest } from 'next/server'
[% if auth %]
import { errorResponse, parseJson, parseQuery, readAccessToken } from '@/lib/http'
[% else %]
import { errorResponse, parseJson, parseQuery } from '@/lib/http'
[% endif %]
[[ wrap(open="import {", items=["create" ~ n.pascal ~ "Schema", n.camel ~ "ListQuerySchema"], close="} from '@/schemas/" ~ n.kebab ~ ".schema'", padded=true) ]]
[% if auth %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[[ wrap(open="import {", items=["create" ~ n.pascal, "list" ~ n.plural_pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]

export async function GET(request: NextRequest): Promise<Response> {
  try {
[% if auth %]
    const actor = await authenticateToken(readAccessToken(request))
[% endif %]
    const query = parseQuery(request, [[ n.camel ]]ListQuerySchema)
    const page = await list[[ n.plural_pascal ]]([[ actor ]]query)
    return NextResponse.json(page)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
[% if auth %]
    const actor = await authenticateToken(readAccessToken(request))
[% endif %]
    const input = create[[ n.pascal ]]Schema.parse(await parseJson(request))
    const [[ n.camel ]] = await create[[ n.pascal ]]([[ actor ]]input)
    return NextResponse.json([[ n.camel ]], {
      status: 201,
      headers: { Location: `/api/[[ n.plural_kebab ]]/${[[ n.camel ]].id}` },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
