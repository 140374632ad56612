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
  { source: '/api/health', allow: 'GET, HEAD, OPTIONS' },
  { source: '/api/health/ready', allow: 'GET, HEAD, OPTIONS' },
  { source: '/api/notes', allow: 'GET, HEAD, OPTIONS, POST' },
  { source: '/api/notes/:id', allow: 'DELETE, GET, HEAD, OPTIONS, PATCH' },
]

const nextConfig: NextConfig = {
  // PGlite must stay a plain Node package: bundling it breaks its file paths at runtime.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      ...apiRoutes.map(({ source, allow }) => ({
        source,
        headers: [{ key: 'Allow', value: allow }],
      })),
    ]
  },
}

export default nextConfig
