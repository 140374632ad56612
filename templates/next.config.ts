import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // PGlite must stay a plain Node package: bundling it breaks its file paths at runtime.
  serverExternalPackages: ['@electric-sql/pglite'],
}

export default nextConfig
