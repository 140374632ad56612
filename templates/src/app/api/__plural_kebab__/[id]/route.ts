[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set actor = "actor, " %]
[% set request = "request" %]
[% else %]
[% set actor = "" %]
[% set request = "_request" %]
[% endif %]
import { NextResponse, type NextRequest } from 'next/server'
[% if auth %]
import { errorResponse, parseId, parseJson, readAccessToken } from '@/lib/http'
[% else %]
import { errorResponse, parseId, parseJson } from '@/lib/http'
[% endif %]
import { update[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% if auth %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[[ wrap(open="import {", items=["delete" ~ n.pascal, "get" ~ n.pascal, "update" ~ n.pascal], close="} from '@/services/" ~ n.kebab ~ ".service'", padded=true) ]]

type Context = {
  params: Promise<{ id: string }>
}

export async function GET([[ request ]]: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const actor = await authenticateToken(readAccessToken(request))
[% endif %]
    const [[ n.camel ]] = await get[[ n.pascal ]]([[ actor ]]id)
    return NextResponse.json([[ n.camel ]])
  } catch (error) {
    return errorResponse(error)
  }
}

export async function PATCH(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const actor = await authenticateToken(readAccessToken(request))
[% endif %]
    const input = update[[ n.pascal ]]Schema.parse(await parseJson(request))
    const [[ n.camel ]] = await update[[ n.pascal ]]([[ actor ]]id, input)
    return NextResponse.json([[ n.camel ]])
  } catch (error) {
    return errorResponse(error)
  }
}

export async function DELETE([[ request ]]: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const actor = await authenticateToken(readAccessToken(request))
[% endif %]
    await delete[[ n.pascal ]]([[ actor ]]id)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
