[% set n = resource.names %]
[% set auth = app.auth.enabled %]
[% if auth %]
[% set caller = "caller, " %]
[% set request = "request" %]
[% else %]
[% set caller = "" %]
[% set request = "_request" %]
[% endif %]
[# With a rule that isn't public, the caller is authorized before the body is read. #]
[% set guard_update = auth and not resource.access.update.public %]
import { NextResponse, type NextRequest } from 'next/server'
[% if auth %]
import { errorResponse, parseId, parseJson, readAccessToken } from '@/lib/http'
[% else %]
import { errorResponse, parseId, parseJson } from '@/lib/http'
[% endif %]
import { update[[ n.pascal ]]Schema } from '@/schemas/[[ n.kebab ]].schema'
[% if guard_update %]
import { authorize } from '@/services/access'
[% endif %]
[% if auth %]
import { authenticateToken } from '@/services/auth.service'
[% endif %]
[% if guard_update %]
import { delete[[ n.pascal ]], get[[ n.pascal ]], update[[ n.pascal ]], [[ n.camel ]]Access } from '@/services/[[ n.kebab ]].service'
[% else %]
import { delete[[ n.pascal ]], get[[ n.pascal ]], update[[ n.pascal ]] } from '@/services/[[ n.kebab ]].service'
[% endif %]

type Context = {
  params: Promise<{ id: string }>
}

export async function GET([[ request ]]: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const caller = await authenticateToken(readAccessToken(request))
[% endif %]
    const found = await get[[ n.pascal ]]([% if auth %]caller, [% endif %]id)
    return NextResponse.json(found)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function PATCH(request: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const caller = await authenticateToken(readAccessToken(request))
[% endif %]
[% if guard_update %]
    authorize(caller, [[ n.camel ]]Access.update)
[% endif %]
    const input = update[[ n.pascal ]]Schema.parse(await parseJson(request))
    const updated = await update[[ n.pascal ]]([% if auth %]caller, [% endif %]id, input)
    return NextResponse.json(updated)
  } catch (error) {
    return errorResponse(error)
  }
}

export async function DELETE([[ request ]]: NextRequest, { params }: Context): Promise<Response> {
  try {
    const id = parseId((await params).id)
[% if auth %]
    const caller = await authenticateToken(readAccessToken(request))
[% endif %]
    await delete[[ n.pascal ]]([[ caller ]]id)
    return new Response(null, { status: 204 })
  } catch (error) {
    return errorResponse(error)
  }
}
