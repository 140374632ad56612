import type { NextConfig } from 'next'

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]

if (process.env.NODE_ENV === 'production') {
  securityHeaders.push({
    key: 'Strict-Transport-Security',
    value: 'max-age=63072000; includeSubDomains',
  })
}

/**
 * The methods each route handler answers, as public/openapi.json lists them. Next.js answers
 * any other method with a bare 405; RFC 9110 asks that it name the allowed ones (`Allow`).
 */
const apiRoutes = [
[% for route in app.api_routes %]
  { source: '[[ route.source ]]', allow: '[[ route.allow ]]' },
[% endfor %]
]

const nextConfig: NextConfig = {
  // PGlite must stay a plain Node package: bundling it breaks its file paths at runtime.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
[% if app.auth.enabled %]
      // API responses may carry a user's data: no browser or shared cache may keep them.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
[% endif %]
      ...apiRoutes.map(({ source, allow }) => ({
        source,
        headers: [{ key: 'Allow', value: allow }],
      })),
    ]
  },
}

export default nextConfig
