import { NextResponse, type NextRequest } from 'next/server'

/** Every route handler under /api and the methods it answers, as public/openapi.json lists them. */
const apiRoutes: { path: RegExp; allow: string }[] = [
[% for route in app.api_routes %]
  [[ wrap(open="{", items=["path: /^" ~ route.pattern ~ "$/", "allow: '" ~ route.allow ~ "'"], close="},", indent=2, padded=true) ]]
[% endfor %]
]

/**
 * A 405 for an API request whose route does not answer its method, with the `Allow` header
 * RFC 9110 requires (Next.js answers such requests with a bare 405). `undefined` when the route
 * answers the method, or is not one of the routes strata generated.
 */
export function methodNotAllowed(request: NextRequest): NextResponse | undefined {
  const allow = apiRoutes.find((route) => route.path.test(request.nextUrl.pathname))?.allow
  if (!allow || allow.split(', ').includes(request.method)) {
    return undefined
  }
  const problem = {
    type: 'about:blank',
    title: 'Method Not Allowed',
    status: 405,
    detail: `This route answers ${allow}.`,
  }
  return NextResponse.json(problem, {
    status: 405,
    headers: {
      Allow: allow,
      'Cache-Control': 'no-store',
      'Content-Type': 'application/problem+json',
    },
  })
}
