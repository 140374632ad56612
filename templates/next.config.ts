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

const nextConfig: NextConfig = {
  // PGlite must stay a plain Node package: bundling it breaks its file paths at runtime.
  serverExternalPackages: ['@electric-sql/pglite'],
  async headers() {
[% if app.auth.enabled %]
    return [
      { source: '/:path*', headers: securityHeaders },
      // API responses may carry a user's data: no browser or shared cache may keep them.
      { source: '/api/:path*', headers: [{ key: 'Cache-Control', value: 'no-store' }] },
    ]
[% else %]
    return [{ source: '/:path*', headers: securityHeaders }]
[% endif %]
  },
}

export default nextConfig
