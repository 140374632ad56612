import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { MISSING_ID, apiRequest } from './helpers'

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>

type RouteModule = Partial<Record<(typeof methods)[number], Handler>>

/** What anyone may call without signing in, from the manifest's access rules and auth. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth',
  'DELETE /api/auth',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/register',
  'GET /api/health',
  'GET /api/health/ready',
[% if app.auth.providers %]
  'GET /api/auth/oauth/[provider]',
  'GET /api/auth/oauth/[provider]/callback',
[% endif %]
[% for resource in app.resources %]
[% set path = "/api/" ~ resource.names.plural_kebab %]
[% if resource.access.list.public %]
  'GET [[ path ]]',
[% endif %]
[% if resource.access.create.public %]
  'POST [[ path ]]',
[% endif %]
[% if resource.access.read.public %]
  'GET [[ path ]]/[id]',
[% endif %]
[% if resource.access.update.public %]
  'PATCH [[ path ]]/[id]',
[% endif %]
[% if resource.access.delete.public %]
  'DELETE [[ path ]]/[id]',
[% endif %]
[% endfor %]
])

// Every route handler under src/app, found on disk: one added by hand is covered too.
const appDir = path.join(process.cwd(), 'src/app')
const routeFiles = readdirSync(appDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => path.basename(file) === 'route.ts')
  .map((file) => file.split(path.sep).join('/'))

// The URL of a route file: its folders, less any route group such as `(v1)`.
function urlPath(file: string): string {
  const folders = file.split('/').slice(0, -1)
  return `/${folders.filter((folder) => !/^\(.+\)$/.test(folder)).join('/')}`
}

const cases = await Promise.all(
  routeFiles.map(async (file) => ({
    path: urlPath(file),
    route: (await import(path.join(appDir, file))) as RouteModule,
  })),
).then((routes) =>
  routes.flatMap(({ path: routePath, route }) =>
    methods.flatMap((method) => {
      const handler = route[method]
      return handler ? [{ method, path: routePath, handler }] : []
    }),
  ),
)

describe('routes: deny by default', () => {
  it('finds the route handlers', () => {
    expect(cases.map(({ method, path }) => `${method} ${path}`)).toContain('GET /api/auth/session')
  })

  it.each(cases)('$method $path answers a stranger 401 unless it is public', async (route) => {
    const params = { id: MISSING_ID, provider: 'none' }
    const url = route.path.replace('[id]', params.id).replace('[provider]', params.provider)
    const body = route.method === 'GET' ? {} : { body: {} }
    const response = await route.handler(apiRequest(route.method, url, body), {
      params: Promise.resolve(params),
    })
    if (PUBLIC_ROUTES.has(`${route.method} ${route.path}`)) {
      expect(response.status).toBeLessThan(500)
    } else {
      expect(response.status).toBe(401)
      expect(response.headers.get('content-type')).toBe('application/problem+json')
    }
  })
})
